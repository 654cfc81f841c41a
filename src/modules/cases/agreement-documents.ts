/**
 * The commission agreement as PDF and DOCX. PDFs embed a CJK font (Noto Sans Hans, GB2312 coverage, SIL OFL) cut down
 * by HarfBuzz (subset-font) to the characters used: pdf-lib's own subsetter drops glyphs of large
 * CJK fonts, so the already-small subset is embedded whole (docs/decisions.md).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont } from 'pdf-lib';
import subsetFont from 'subset-font';
import type { RenderedAgreement } from '../../domain/agreement-template.js';

let fontBytes: Buffer | null = null;
/** The full CJK font, read once. */
function cjkFont(): Buffer {
  // The package exports only its index; the font files sit beside it (fonts/ next to dist/).
  const entry = createRequire(import.meta.url).resolve('@embedpdf/fonts-sc');
  fontBytes ??= fs.readFileSync(path.join(path.dirname(entry), '..', 'fonts', 'NotoSansHans-Regular.otf'));
  return fontBytes;
}

/** Breaks a paragraph into lines that fit `width` points (CJK text breaks between any two characters). */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (font.widthOfTextAtSize(line + ch, size) > width && line) {
      lines.push(line);
      line = ch === ' ' ? '' : ch;
    } else line += ch;
  }
  if (line) lines.push(line);
  return lines;
}

/** Renders the agreement as an A4 PDF. */
export async function agreementPdf(a: RenderedAgreement): Promise<Uint8Array> {
  const footer = `信桥 Xinqiao · ${a.templateVersion} · SHA-256 ${a.sha256}`;
  const used = `${a.text}\n${footer}0123456789/ `;
  const subset = await subsetFont(cjkFont(), used, { targetFormat: 'truetype' });
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(a.title);
  doc.setCreator('Xinqiao');
  const font = await doc.embedFont(subset, { subset: false });
  const [pageW, pageH, margin] = [595.28, 841.89, 56];
  let page = doc.addPage([pageW, pageH]);
  let y = pageH - margin;
  const pages = [page];
  const draw = (text: string, size: number, gap: number, color = rgb(0, 0, 0)) => {
    for (const line of wrap(text, font, size, pageW - 2 * margin)) {
      if (y - size < margin + 20) {
        page = doc.addPage([pageW, pageH]);
        pages.push(page);
        y = pageH - margin;
      }
      y -= size * 1.5;
      page.drawText(line, { x: margin, y, size, font, color });
    }
    y -= gap;
  };
  draw(a.title, 18, 4);
  draw(`模板版本 ${a.templateVersion}`, 9, 10, rgb(0.35, 0.35, 0.35));
  for (const s of a.sections) {
    draw(s.heading, 12, 2);
    for (const p of s.paragraphs) draw(p, 10.5, 4);
    y -= 6;
  }
  pages.forEach((p, i) => p.drawText(`${footer} · ${i + 1}/${pages.length}`, { x: margin, y: 28, size: 7, font, color: rgb(0.4, 0.4, 0.4) }));
  return doc.save();
}

/** Renders the agreement as DOCX. */
export async function agreementDocx(a: RenderedAgreement): Promise<Buffer> {
  const font = { eastAsia: 'Noto Sans SC', ascii: 'Noto Sans SC', hAnsi: 'Noto Sans SC' };
  const doc = new Document({
    creator: 'Xinqiao',
    title: a.title,
    styles: { default: { document: { run: { font, size: 21 } } } },
    sections: [{
      children: [
        new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: a.title, font })] }),
        new Paragraph({ children: [new TextRun({ text: `模板版本 ${a.templateVersion} · SHA-256 ${a.sha256}`, size: 16, color: '595959' })] }),
        ...a.sections.flatMap((s) => [
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun({ text: s.heading, font })] }),
          ...s.paragraphs.map((p) => new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text: p, font })] })),
        ]),
      ],
    }],
  });
  return Packer.toBuffer(doc);
}
