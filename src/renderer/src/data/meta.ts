declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: DataMeta
    mutationMeta: DataMeta
  }
}

export interface DataMeta extends Record<string, unknown> {
  /** The view shows this call's error itself (a form, an inline warning); the problem bar stays quiet. */
  inline?: boolean
}

/** For calls whose view shows the error in place. */
export const INLINE: DataMeta = { inline: true }
