/**
 * The document-level side of an accessible, archival PDF: the options pdfkit is opened with
 * (tagged, PDF 1.7, PDF/A's OutputIntent) and the XMP metadata packet, written by roledoc rather
 * than by pdfkit, whose packet puts the title and author into XML unescaped (a title with "&"
 * made the metadata unreadable) and knows no PDF/A-2u.
 *
 * The packet holds what the Info dictionary holds — PDF/A requires the two to agree —, every date
 * the document's own fixed date, so the same inputs still give the same bytes.
 */
import type PDFDocument from 'pdfkit';
import type { PdfDocumentOptions } from 'pdfkit';
import type { DocumentMeta } from '../../layout/layout.js';
import type { PdfStandard } from '../../model/config.js';

/** What pdfkit is told beyond the page: tagging, the version, and for PDF/A its OutputIntent. */
export function archivalOptions(standard: PdfStandard | undefined): Pick<PdfDocumentOptions, 'tagged' | 'pdfVersion' | 'subset'> {
  // PDF/A-2 is based on PDF 1.7; a tagged document's /Lang and DisplayDocTitle need 1.4 or later.
  // pdfkit's 'PDF/A-2b' subset adds the sRGB OutputIntent; the conformance level (b or u) is the packet's.
  return { tagged: true, pdfVersion: '1.7', ...(standard === undefined ? {} : { subset: 'PDF/A-2b' as const }) };
}

/** Text as XML character data: escaped, and without the characters XML 1.0 cannot hold. */
function xmlText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** XMP's date form, to the second in UTC, as pdfkit writes the Info dictionary's D:…Z dates. */
const xmpDate = (date: Date): string => `${date.toISOString().split('.')[0] ?? ''}Z`;

/** The Info dictionary's entries, as roledoc writes them: an empty author or keywords are left out. */
export interface DocumentInfo {
  readonly Title: string;
  readonly Author?: string;
  readonly Subject?: string;
  readonly Keywords?: string;
  readonly Creator: string;
  readonly Producer: string;
  readonly CreationDate: Date;
  readonly ModDate: Date;
}

export function documentInfo(meta: DocumentMeta, createdAt: Date): DocumentInfo {
  const keywords = meta.keywords.join(', ');
  return {
    Title: meta.title,
    ...(meta.author === '' ? {} : { Author: meta.author }),
    ...(meta.subject === '' ? {} : { Subject: meta.subject }),
    ...(keywords === '' ? {} : { Keywords: keywords }),
    Creator: 'roledoc',
    Producer: 'roledoc',
    CreationDate: createdAt,
    ModDate: createdAt,
  };
}

/** The XMP packet: Dublin Core, XMP basic and PDF properties equal to the Info dictionary, and PDF/A's identification. */
export function xmpPacket(info: DocumentInfo, lang: string, standard: PdfStandard | undefined): string {
  const alt = (value: string): string => `<rdf:Alt><rdf:li xml:lang="x-default">${xmlText(value)}</rdf:li></rdf:Alt>`;
  const lines = [
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/"' +
      (standard === undefined ? '>' : ' xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">'),
    '<dc:format>application/pdf</dc:format>',
    `<dc:title>${alt(info.Title)}</dc:title>`,
    ...(info.Author === undefined ? [] : [`<dc:creator><rdf:Seq><rdf:li>${xmlText(info.Author)}</rdf:li></rdf:Seq></dc:creator>`]),
    ...(info.Subject === undefined ? [] : [`<dc:description>${alt(info.Subject)}</dc:description>`]),
    `<dc:language><rdf:Bag><rdf:li>${xmlText(lang)}</rdf:li></rdf:Bag></dc:language>`,
    `<xmp:CreatorTool>${xmlText(info.Creator)}</xmp:CreatorTool>`,
    `<xmp:CreateDate>${xmpDate(info.CreationDate)}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${xmpDate(info.ModDate)}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${xmpDate(info.ModDate)}</xmp:MetadataDate>`,
    `<pdf:Producer>${xmlText(info.Producer)}</pdf:Producer>`,
    ...(info.Keywords === undefined ? [] : [`<pdf:Keywords>${xmlText(info.Keywords)}</pdf:Keywords>`]),
    ...(standard === undefined ? [] : ['<pdfaid:part>2</pdfaid:part>', `<pdfaid:conformance>${standard === 'PDF/A-2u' ? 'U' : 'B'}</pdfaid:conformance>`]),
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="r"?>',
  ];
  return lines.join('\n');
}

/**
 * Has the document write roledoc's packet as the catalog's /Metadata instead of its own (pdfkit
 * calls endMetadata once, at the end): uncompressed, as PDF/A wants it readable.
 */
export function useOwnMetadata(doc: PDFDocument, packet: string): void {
  doc.endMetadata = () => {
    const bytes = new TextEncoder().encode(packet);
    const ref = doc.ref({ Type: 'Metadata', Subtype: 'XML' });
    ref.compress = false;
    ref.end(bytes);
    doc._root.data['Metadata'] = ref;
  };
}
