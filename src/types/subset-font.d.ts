/** Types for subset-font (the package ships none): HarfBuzz font subsetting. */
declare module 'subset-font' {
  /** Returns the font cut down to the glyphs of `text`. */
  export default function subsetFont(font: Buffer | Uint8Array, text: string, options?: { targetFormat?: 'sfnt' | 'truetype' | 'woff' | 'woff2'; preserveNameIds?: number[]; variationAxes?: Record<string, number | { min: number; max: number; default?: number }> }): Promise<Buffer>;
}
