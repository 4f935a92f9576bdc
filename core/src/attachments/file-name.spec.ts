import { hasPathParts, storedName } from './file-name.js';

describe('stored file names', () => {
  it.each([
    ['photo.jpg', 'image/jpeg', 'photo.jpg'],
    ['PHOTO.JPEG', 'image/jpeg', 'PHOTO.jpeg'],
    ['photo.png', 'image/jpeg', 'photo.jpg'],
    ['scan', 'application/pdf', 'scan.pdf'],
    ['notes.final version', 'application/pdf', 'notes.final version.pdf'],
    ['  lane\u0007 3\t\tphoto.png ', 'image/png', 'lane 3 photo.png'],
    ['invoice\u202egnp.exe', 'application/pdf', 'invoicegnp.pdf'],
    ['..hidden.pdf', 'application/pdf', 'hidden.pdf'],
    ['.pdf', 'application/pdf', 'pdf.pdf'],
    ['a<b>c:d"e|f?g*h.pdf', 'application/pdf', 'abcdefgh.pdf'],
    ['', 'image/png', 'file.png'],
    ['Cafe\u0301.png', 'image/png', 'Café.png'],
  ])('%j as %s is kept as %j', (sent, type, kept) => {
    expect(storedName(sent, type)).toBe(kept);
  });

  it('keeps names to 200 characters, extension included', () => {
    const name = storedName(`${'x'.repeat(300)}.pdf`, 'application/pdf');
    expect(name).toHaveLength(200);
    expect(name.endsWith('.pdf')).toBe(true);
  });

  it('spots folder parts no browser sends', () => {
    for (const name of ['../x.png', 'a/b.png', 'C:\\photos\\x.png', 'C:x.png', '..', '.'])
      expect(hasPathParts(name)).toBe(true);
    for (const name of ['x.png', 'my photo (2).png', 'a..b.png']) expect(hasPathParts(name)).toBe(false);
  });
});
