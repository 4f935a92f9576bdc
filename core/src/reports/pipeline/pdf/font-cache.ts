/** The part of pdfkit's (0.20) embedded-font object this module touches. */
interface CachingFont {
  layoutCache?: Record<string, unknown>;
}

/**
 * Empties pdfkit's per-font text layout caches. pdfkit caches the shaped glyphs of
 * every distinct word it ever measures or draws, for the life of the document, so a
 * 100,000-row table of unique references grows without bound (≈1 GB). Turning the
 * cache off (`fontLayoutCache: false`) keeps memory flat but makes layout about six
 * times slower, so instead the cursor empties it at each new page: words repeated
 * on a page stay cached, nothing outlives the page. Only a documented-shape private
 * field is touched, and a missing one is ignored, so a pdfkit upgrade cannot break
 * rendering (at worst memory grows again, which the streaming spec would catch).
 */
export function resetFontLayoutCaches(doc: PDFKit.PDFDocument): void {
  const families = (doc as unknown as { _fontFamilies?: Record<string, CachingFont> })._fontFamilies;
  for (const font of Object.values(families ?? {})) {
    if (font.layoutCache && typeof font.layoutCache === 'object')
      font.layoutCache = Object.create(null) as Record<string, unknown>;
  }
}
