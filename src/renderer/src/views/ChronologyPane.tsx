/** The chronology being built from the archive. */
export function ChronologyPane(): React.JSX.Element {
  return (
    <section className="pane chronology" aria-label="Chronology">
      <h2 className="pane-title">Chronology</h2>
      <p className="empty">Select a passage in the Reader and cite it to start a chronology.</p>
    </section>
  )
}
