import { X } from 'lucide-react'
import { useProblem } from '../data/hooks'

/** The last failed call that no view showed in place, until dismissed. */
export function ProblemBar(): React.JSX.Element | null {
  const [problem, dismiss] = useProblem()
  if (!problem) return null
  return (
    <div className="problem" role="alert">
      <span>{problem}</span>
      <button type="button" className="icon-button" onClick={dismiss} aria-label="Dismiss message">
        <X />
      </button>
    </div>
  )
}
