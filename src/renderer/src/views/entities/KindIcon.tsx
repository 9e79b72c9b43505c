import { Building2, MapPin, User } from 'lucide-react'
import type { NamedKind } from '../../../../shared/entities'

/** What each kind is called in the UI, singular and plural. */
export const KIND_LABELS: Record<NamedKind, { one: string; many: string }> = {
  person: { one: 'Person', many: 'People' },
  org: { one: 'Organisation', many: 'Organisations' },
  place: { one: 'Place', many: 'Places' }
}

/** The kind's icon, labelled for screen readers unless the kind is said beside it. */
export function KindIcon({ kind, labelled = false }: { kind: NamedKind; labelled?: boolean }): React.JSX.Element {
  const a11y = labelled ? { 'aria-label': KIND_LABELS[kind].one, role: 'img' } : { 'aria-hidden': true }
  const cls = `icon kind-icon kind-${kind}`
  if (kind === 'person') return <User className={cls} {...a11y} />
  if (kind === 'org') return <Building2 className={cls} {...a11y} />
  return <MapPin className={cls} {...a11y} />
}
