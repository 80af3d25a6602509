import { describe, expect, it } from 'vitest';
import { checkEvidenceFile, cleanFileName, detectFileType, extensionOf, GIF, isEvidenceTarget, JPEG, PDF, PNG, WEBP } from './file-type.ts';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? Array.from(p, (c) => c.charCodeAt(0)) : p)));

const SAMPLES = {
  pdf: bytes('%PDF-1.4\n%\u00e2\u00e3\n1 0 obj'),
  png: bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  jpeg: bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF'),
  webp: bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '),
  gif87: bytes('GIF87a', [1, 0, 1, 0]),
  gif89: bytes('GIF89a', [1, 0, 1, 0]),
};

describe('detectFileType', () => {
  it('recognises each accepted type by its magic number', () => {
    expect(detectFileType(SAMPLES.pdf)).toBe(PDF);
    expect(detectFileType(SAMPLES.png)).toBe(PNG);
    expect(detectFileType(SAMPLES.jpeg)).toBe(JPEG);
    expect(detectFileType(SAMPLES.webp)).toBe(WEBP);
    expect(detectFileType(SAMPLES.gif87)).toBe(GIF);
    expect(detectFileType(SAMPLES.gif89)).toBe(GIF);
  });

  it('refuses what is not one of them, including script-capable and truncated files', () => {
    expect(detectFileType(bytes('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBeNull();
    expect(detectFileType(bytes('<html><body>%PDF-1.4</body></html>'))).toBeNull();
    expect(detectFileType(bytes('PK', [3, 4, 20, 0]))).toBeNull();
    expect(detectFileType(bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt '))).toBeNull();
    expect(detectFileType(bytes('%PDF'))).toBeNull();
    expect(detectFileType(bytes([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
    expect(detectFileType(new Uint8Array())).toBeNull();
  });

  it('looks at the bytes only, so a PDF header after other text is not a PDF', () => {
    expect(detectFileType(bytes(' %PDF-1.7'))).toBeNull();
  });
});

describe('checkEvidenceFile', () => {
  it('accepts a file whose name agrees with its bytes, or has no extension', () => {
    expect(checkEvidenceFile('Laporan.PDF', SAMPLES.pdf, 1000)).toEqual({ ok: true, type: PDF });
    expect(checkEvidenceFile('foto.jpeg', SAMPLES.jpeg, 1000)).toEqual({ ok: true, type: JPEG });
    expect(checkEvidenceFile('foto.jpg', SAMPLES.jpeg, 1000)).toEqual({ ok: true, type: JPEG });
    expect(checkEvidenceFile('pindaian', SAMPLES.png, 1000)).toEqual({ ok: true, type: PNG });
  });

  it('refuses a text file named .pdf as an unsupported type', () => {
    expect(checkEvidenceFile('laporan.pdf', bytes('bukan pdf'), 1000)).toEqual({ ok: false, refusal: 'unsupported_type', detected: null });
  });

  it('refuses a name that lies about accepted bytes', () => {
    expect(checkEvidenceFile('laporan.pdf', SAMPLES.png, 1000)).toEqual({ ok: false, refusal: 'name_mismatch', detected: PNG });
    expect(checkEvidenceFile('halaman.html', SAMPLES.pdf, 1000)).toEqual({ ok: false, refusal: 'name_mismatch', detected: PDF });
  });

  it('measures the bytes received against the limit, at the boundary too', () => {
    const limit = SAMPLES.pdf.length;
    expect(checkEvidenceFile('a.pdf', SAMPLES.pdf, limit).ok).toBe(true);
    expect(checkEvidenceFile('a.pdf', SAMPLES.pdf, limit - 1)).toEqual({ ok: false, refusal: 'too_large', detected: null });
    expect(checkEvidenceFile('a.pdf', new Uint8Array(), limit)).toEqual({ ok: false, refusal: 'empty', detected: null });
  });
});

describe('file names', () => {
  it('keeps the last path segment without control characters', () => {
    expect(cleanFileName('C:\\fakepath\\Laporan Akhir.pdf')).toBe('Laporan Akhir.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('a\u0000b\r\n.pdf')).toBe('ab.pdf');
    expect(cleanFileName('dir/')).toBe('');
  });

  it('reads the extension in lower case, or none', () => {
    expect(extensionOf('a.b.PNG')).toBe('png');
    expect(extensionOf('tanpa-ekstensi')).toBeNull();
    expect(extensionOf('titik.')).toBeNull();
  });
});

describe('isEvidenceTarget', () => {
  it('accepts document targets, profile fields and indicator ids', () => {
    for (const t of ['umum', 'anggaran', 'profil_bisnis', 'rancangBangun', 'sid.16', 'spd.2a', 'sid.sid-output']) {
      expect(isEvidenceTarget(t), t).toBe(true);
    }
  });

  it('refuses anything else', () => {
    for (const t of ['', 'Umum', '16', 'sid.', '.16', 'sid.16.2', 'a b', '<b>x</b>', 'sid/16']) {
      expect(isEvidenceTarget(t), t).toBe(false);
    }
  });
});
