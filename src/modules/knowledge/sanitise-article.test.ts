import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sanitiseArticleHtml, textOfArticleHtml } from './sanitise-article.js';

// What the console's tiptap editor (web/src/features/knowledge/editor-extensions.ts) sends, byte for
// byte as tiptap 3 serialises it: list items hold paragraphs, links carry tiptap's target and rel.
const fromEditor = [
  '<h2>路由器红灯</h2>',
  '<p>先<strong>关掉电源</strong>，再<em>等十秒</em>，然后运行 <code>ping 192.168.1.1</code><br>仍然红灯请联系我们。</p>',
  '<h3>步骤</h3>',
  '<ul><li><p>拔掉网线</p></li><li><p>按住 <strong>复位键</strong></p></li></ul>',
  '<ol><li><p>第一步</p></li><li><p>第二步</p></li></ol>',
  '<pre><code>reboot now</code></pre>',
  '<p><a target="_blank" rel="noopener noreferrer nofollow" href="https://example.com/guide">说明书</a>、<a target="_blank" rel="noopener noreferrer nofollow" href="mailto:help@example.com">邮件</a>、<a target="_blank" rel="noopener noreferrer nofollow" href="/help/articles/router-reset">另一篇</a></p>',
  '<p>客户电话 <mark data-redacted="phone">［电话 phone］</mark></p>',
].join('');

test('everything the editor makes survives unchanged: headings 2–3, bold, italic, lists, links, code, redaction marks', () => {
  // (sanitize-html writes void elements as `<br />`; tiptap reads both.)
  assert.equal(sanitiseArticleHtml(fromEditor), fromEditor.replace('<br>', '<br />'));
  // Search and the composer's "insert content" read the text: one line per list item.
  assert.match(textOfArticleHtml(sanitiseArticleHtml(fromEditor)), /^路由器红灯\n先关掉电源，再等十秒，然后运行 ping 192\.168\.1\.1\n仍然红灯请联系我们。\n步骤\n拔掉网线\n按住 复位键\n第一步\n第二步\nreboot now\n说明书、邮件、另一篇\n客户电话 ［电话 phone］$/);
});

test('attacks are removed: <img onerror>, javascript: links, <script>, event handlers, styles and frames', () => {
  const own = `/api/v1/help/files/${'a'.repeat(64)}`;
  const attack = [
    '<p>图<img src="x" onerror="alert(1)">片</p>',
    '<p><a href="javascript:alert(1)">点我</a> <a href=" JaVaScRiPt:alert(2)">再点</a> <a href="&#106;avascript:alert(3)">三</a> <a href="data:text/html,<script>alert(4)</script>">四</a> <a href="//evil.example/x">五</a></p>',
    '<script>alert(5)</script><p onclick="alert(6)" style="color:red">文字</p>',
    '<a href="https://example.com" onmouseover="alert(7)" target="_self" rel="opener">好链接</a>',
    '<iframe src="https://evil.example"></iframe><style>p{display:none}</style><svg><script>alert(8)</script></svg>',
    `<p><img src="${own}" onerror="alert(9)" alt="截图"></p>`,
  ].join('');
  const clean = sanitiseArticleHtml(attack);
  assert.doesNotMatch(clean, /alert|onerror|onclick|onmouseover|javascript|script|style|iframe|svg|data:|evil|opener"/i, clean);
  assert.equal(
    clean,
    '<p>图片</p>' +
      '<p>点我 再点 三 四 五</p>' +
      '<p>文字</p>' +
      '<a target="_blank" rel="noopener noreferrer nofollow" href="https://example.com">好链接</a>' +
      `<p><img src="${own}" alt="截图" /></p>`,
  );
});

test('what the toolbar cannot make loses its tag and keeps its text; <b>/<i> become strong/em', () => {
  const other = '<h1>大标题</h1><h4>小标题</h4><blockquote>引用</blockquote><hr><table><tr><td>单元格</td></tr></table><p><u>下划线</u><s>删除</s><span class="x">片段</span><mark>高亮</mark><b>粗</b><i>斜</i></p><pre><code class="language-js">x()</code></pre>';
  assert.equal(sanitiseArticleHtml(other), '大标题小标题引用单元格<p>下划线删除片段高亮<strong>粗</strong><em>斜</em></p><pre><code>x()</code></pre>');
});
