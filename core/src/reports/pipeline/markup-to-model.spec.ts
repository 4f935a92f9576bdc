import { markupToBlocks } from './markup-to-model.js';
import { MarkupSyntaxError, decodeEntities } from './markup.parser.js';

describe('markupToBlocks', () => {
  it('builds headings, paragraphs, key-values, tables, charts and page breaks', () => {
    const blocks = markupToBlocks(`
      <h2>Key   figures</h2>
      <p tone="muted">Figures are
        provisional.</p>
      <kv><item label="OARs">1,204</item></kv>
      <table total-label="All"><col label="Team" width="3"/><col label="OARs" format="integer" total="sum"/>
        <row><cell>Dover</cell><cell>12</cell></row>
      </table>
      <chart type="bar" title="By week" y-label="OARs"><point label="w1" value="3"/><point label="w2" value="1,200"/></chart>
      <pagebreak/>`);
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'kv', 'table', 'chart', 'pagebreak']);
    expect(blocks[0]).toEqual({ kind: 'heading', level: 2, text: 'Key figures' });
    expect(blocks[1]).toEqual({ kind: 'paragraph', text: 'Figures are provisional.', muted: true });
    expect(blocks[3]).toMatchObject({
      rows: [['Dover', '12']],
      totalLabel: 'All',
      columns: [
        { label: 'Team', weight: 3, align: 'left', total: false },
        { label: 'OARs', format: 'integer', align: 'right', total: true },
      ],
    });
    expect(blocks[4]).toMatchObject({
      type: 'bar',
      series: [
        {
          points: [
            { label: 'w1', value: 3 },
            { label: 'w2', value: 1200 },
          ],
        },
      ],
    });
  });

  it('decodes the entities Handlebars escaping produces, so data cannot inject tags', () => {
    expect(decodeEntities('&lt;b&gt; &amp; &quot;x&quot; &#x27;y&#x27; &#x3D; &#x60;')).toBe('<b> & "x" \'y\' = `');
    expect(markupToBlocks('<p>&lt;pagebreak/&gt;</p>')).toEqual([
      { kind: 'paragraph', text: '<pagebreak/>', muted: false },
    ]);
  });

  it.each([
    ['<p>open\n\n<h1>x</h1></p>', 3, /<h1> is not allowed inside <p>/],
    ['<p>a</p>\n</kv>', 2, /<\/kv> has no opening tag/],
    ['\n<p>never closed', 2, /<p> from line 2 is never closed/],
    ['loose text', 1, /outside any tag/],
    [
      '<table><col label="A"/><row><cell>1</cell><cell>2</cell></row></table>',
      1,
      /2 cells but the table has 1 columns/,
    ],
    ['<table source="rows"><col label="A"/></table>', 1, /needs field=/],
    ['<table source="other"><col label="A" field="a"/></table>', 1, /unknown row source "other"/],
    ['<chart type="pie"></chart>', 1, /must be bar or line/],
    ['<chart type="bar"><point label="a" value="many"/></chart>', 1, /not a number/],
  ])('rejects %j at line %i', (markup, line, message) => {
    let error: unknown;
    try {
      markupToBlocks(markup);
    } catch (caught: unknown) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MarkupSyntaxError);
    expect((error as MarkupSyntaxError).line).toBe(line);
    expect((error as MarkupSyntaxError).message).toMatch(message);
  });
});
