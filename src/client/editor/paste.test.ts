import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanPastedHtml } from './paste.ts';

const word = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta charset="utf-8"><style>
p.MsoNormal {margin:0cm; font-family:"Calibri"}</style><!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]--></head>
<body lang=EN-GB style='tab-interval:36.0pt'>
<p class=MsoNormal><b><span lang=EN-GB style='font-size:12.0pt;mso-bidi-font-family:Calibri'>Bold lead</span></b><span style='mso-spacerun:yes'> </span>and plain text<o:p></o:p></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>First bullet<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span>&nbsp; </span></span></span><![endif]>Second bullet<o:p></o:p></p>
<p class=MsoListParagraphCxSpFirst style='mso-list:l1 level1 lfo2'><![if !supportLists]><span><span style='mso-list:Ignore'>1.<span>&nbsp;</span></span></span><![endif]>Step one<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='mso-list:l1 level1 lfo2'><![if !supportLists]><span><span style='mso-list:Ignore'>2.<span>&nbsp;</span></span></span><![endif]>Step two<o:p></o:p></p>
<h1 style='mso-margin-top-alt:auto'><span lang=EN-GB>A heading</span></h1>
<p class=MsoNormal><i style='mso-bidi-font-style:normal'>Italic</i>, <a href="https://example.org/a?b=1&amp;c=2" style='color:blue'>a link</a> and <a href="javascript:alert(1)">a trap</a><o:p></o:p></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
</body></html>`;

const docs = `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1234"><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;vertical-align:baseline;">Docs text with </span><span style="font-size:11pt;font-weight:700;font-style:normal;">bold</span><span style="font-weight:400;font-style:italic;"> and italic</span></p><br /><h2 dir="ltr" style="line-height:1.38"><span style="font-size:16pt;font-weight:400">Docs heading</span></h2><h4><span>Small heading</span></h4><ul style="margin-top:0;"><li dir="ltr" aria-level="1" style="list-style-type:disc;"><p dir="ltr" role="presentation"><span style="font-weight:400">Docs item</span></p></li></ul></b>`;

const squash = (html: string) => html.replace(/\s+/g, ' ').replace(/> </g, '><').trim();

describe('cleanPastedHtml', () => {
  it('reduces Word HTML to paragraphs, real lists, h2 and safe links', () => {
    assert.equal(
      squash(cleanPastedHtml(word)),
      squash(`<p><strong>Bold lead</strong> and plain text</p>
        <ul><li><p>First bullet</p></li><li><p>Second bullet</p></li></ul>
        <ol><li><p>Step one</p></li><li><p>Step two</p></li></ol>
        <h2>A heading</h2>
        <p><em>Italic</em>, <a href="https://example.org/a?b=1&amp;c=2">a link</a> and a trap</p>
        <p></p>`),
    );
  });

  it('unwraps the Google Docs <b style="font-weight:normal"> wrapper and keeps styled bold and italic', () => {
    assert.equal(
      squash(cleanPastedHtml(docs)),
      squash(`<p>Docs text with <strong>bold</strong><em> and italic</em></p> <h2>Docs heading</h2><h3>Small heading</h3>
        <ul><li><p>Docs item</p></li></ul>`),
    );
  });

  it('drops styles, classes, scripts, images and Office namespaces entirely', () => {
    const html = cleanPastedHtml(
      '<div class="x" style="color:red" onclick="steal()"><script>alert(1)</script><img src="file:///C:/a.png"><v:shape id="s"><v:imagedata src="x"/></v:shape><span class="c1">Text</span></div>',
    );
    assert.equal(html, '<div>Text</div>');
    assert.doesNotMatch(cleanPastedHtml(word), /class=|style=|mso-|<o:|<span|<font|<meta/);
  });

  it('leaves the editor’s own clipboard HTML alone, so cards survive cut and paste', () => {
    const own = '<div data-pm-slice="0 0 []"><div data-block="image" data-media-id="4"></div></div>';
    assert.equal(cleanPastedHtml(own), own);
  });

  it('copes with broken nesting and stray closing tags', () => {
    assert.equal(
      cleanPastedHtml('<p><b>one <i>two</b> three</i></p></span>'),
      '<p><strong>one <em>two</em></strong> three</p>',
    );
  });
});
