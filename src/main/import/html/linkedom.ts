/**
 * linkedom, with its nodes registered for event listeners only once one is added.
 *
 * linkedom's EventTarget constructor puts every node it creates into a module-wide WeakMap of
 * listener maps (`wm.set(this, new Map)`): a Map and an ephemeron per element, text and comment
 * node, for a feature an import never uses. Parsing 200 generated saved pages (about 118 KB each)
 * in one process, the best of six rounds took 6.2-6.7 ms of CPU a page with it and 5.8-5.9
 * without (three runs each); importing 1,000 of them, 20.2-21.5 against 19.8-21.3 CPU-ms a page,
 * where the workers' other work (fingerprints, entities, the original's write) weighs more.
 *
 * Node's constructor calls its superclass through Node's own prototype, so pointing that at an
 * empty constructor skips the registration. Adding or removing a listener registers the node
 * first, in linkedom's own map, so its event code (dispatch, bubbling, `once`) runs unchanged.
 *
 * Everything parsed with linkedom goes through this module's `parseHTML`, so the change is made
 * before the first document is parsed.
 */
import { EventTarget, Node as NodeFacade, parseHTML } from 'linkedom'

type Listeners = WeakMap<object, Map<string, unknown>>
type Method = (this: object, ...args: unknown[]) => unknown

/**
 * linkedom's listener map, caught as its EventTarget constructor writes a first entry (it is not
 * exported). Synchronous, and WeakMap.prototype.set is put back before anything else runs.
 */
function listenerMap(): Listeners | null {
  const set = WeakMap.prototype.set
  const caught: Listeners[] = []
  WeakMap.prototype.set = function (this: Listeners, key: object, value: Map<string, unknown>) {
    caught.push(this)
    return set.call(this, key, value)
  } as typeof set
  try {
    new EventTarget()
  } finally {
    WeakMap.prototype.set = set
  }
  return caught.length === 1 ? caught[0]! : null
}

const listeners = listenerMap()

/** Whether nodes skip the registration (false if linkedom's shape was not the one expected). */
function deferRegistration(): boolean {
  // The exported Node is a facade sharing the class's prototype; the class is its constructor.
  const Node = (NodeFacade.prototype as { constructor: { prototype: Record<string, unknown> } }).constructor
  if (!listeners || Object.getPrototypeOf(Node) !== EventTarget) return false
  const target = EventTarget.prototype as unknown as Record<string, Method>
  for (const name of ['addEventListener', 'removeEventListener']) {
    const method = target[name]!
    Node.prototype[name] = function (this: object, ...args: unknown[]): unknown {
      if (!listeners.has(this)) listeners.set(this, new Map())
      return method.apply(this, args)
    }
  }
  // A class with nothing to do: `super()` in Node's constructor now calls it.
  Object.setPrototypeOf(Node, class {})
  return true
}

/** True when this module's change to linkedom is in place (tests check that it is). */
export const registrationDeferred = deferRegistration()

/** Whether linkedom holds a listener map for the node (tests). */
export function hasListenerMap(node: object): boolean {
  return listeners?.has(node) ?? false
}

export { parseHTML }
