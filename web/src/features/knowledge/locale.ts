/** The knowledge base's words in the console and the web form (merged into web/src/app/locales). */
export const knowledgeZhCN = {
  title: '知识库', search: '搜索标题、标签或正文', create: '新建文章', all: '全部', empty: '还没有文章', emptySearch: '没有找到与“{{q}}”匹配的文章', emptyHint: '解决问题后，把答案写成文章，下次同事和客户都能直接找到。',
  status: { draft: '草稿', in_review: '待审核', published: '已发布', archived: '已归档' },
  visibility: { internal: '内部', public: '公开', restricted: '部分客户' },
  editor: { titleLabel: '标题', body: '正文', bodyHint: '可用工具栏设置标题、加粗、列表、链接和代码；保存时服务器只保留这些格式，并清理不安全的内容。',
    toolbar: { label: '{{field}}的格式', bold: '加粗', italic: '斜体', heading2: '二级标题', heading3: '三级标题', bulletList: '项目符号列表', orderedList: '编号列表', link: '链接', linkAddress: '链接地址', linkApply: '确定', linkRemove: '移除链接', linkUnsafe: '只能链接 http、https、mailto 或 tel 地址', code: '行内代码', codeBlock: '代码块', undo: '撤销', redo: '重做' },
    visibilityLabel: '可见范围', tags: '标签', reviewBy: '复审日期', save: '保存', saved: '已保存', submit: '提交审核', publish: '发布', reject: '退回修改', archive: '归档', rejectNote: '退回原因', versions: '版本历史', compare: '与上一版对比', rollback: '回滚到此版本', rolledBack: '已回滚到版本 {{n}}', readOnly: '当前状态下您不能修改这篇文章', publicLink: '公开链接', addTranslation: '添加英文译文', version: '版本 {{n}}', reason: { created: '创建', updated: '修改', submit: '提交审核', reject: '退回', publish: '发布', archive: '归档', rolled_back: '回滚' } },
  suggest: { title: '这些文章也许能解决您的问题：' },
  ticket: { suggestions: '相关知识', none: '没有匹配的文章', matched: '匹配：{{words}}', insertLink: '插入链接', insertContent: '插入内容', internalOnly: '内部文章，只能插入内部备注', inserted: '已插入“{{title}}”', used: '本工单引用的文章', search: '搜索知识库（??）', draftFromReply: '由此回复创建文章', draftCreated: '已创建草稿，已移除 {{count}} 处个人信息，请检查标记处' },
};
export const knowledgeEn: typeof knowledgeZhCN = {
  title: 'Knowledge base', search: 'Search titles, tags or text', create: 'New article', all: 'All', empty: 'No articles yet', emptySearch: 'No articles match “{{q}}”', emptyHint: 'Once a problem is solved, write the answer down: colleagues and customers will find it next time.',
  status: { draft: 'Draft', in_review: 'In review', published: 'Published', archived: 'Archived' },
  visibility: { internal: 'Internal', public: 'Public', restricted: 'Some customers' },
  editor: { titleLabel: 'Title', body: 'Text', bodyHint: 'Use the toolbar for headings, bold, lists, links and code; the server keeps only these formats and removes anything unsafe when saving.',
    toolbar: { label: 'Formatting of {{field}}', bold: 'Bold', italic: 'Italic', heading2: 'Heading 2', heading3: 'Heading 3', bulletList: 'Bulleted list', orderedList: 'Numbered list', link: 'Link', linkAddress: 'Link address', linkApply: 'Apply', linkRemove: 'Remove link', linkUnsafe: 'Only http, https, mailto or tel addresses can be linked', code: 'Inline code', codeBlock: 'Code block', undo: 'Undo', redo: 'Redo' },
    visibilityLabel: 'Visible to', tags: 'Tags', reviewBy: 'Review by', save: 'Save', saved: 'Saved', submit: 'Submit for review', publish: 'Publish', reject: 'Send back', archive: 'Archive', rejectNote: 'Why it goes back', versions: 'Versions', compare: 'Compare with the previous', rollback: 'Roll back to this version', rolledBack: 'Rolled back to version {{n}}', readOnly: 'You cannot change this article in its state', publicLink: 'Public link', addTranslation: 'Add an English translation', version: 'Version {{n}}', reason: { created: 'Created', updated: 'Edited', submit: 'Submitted', reject: 'Sent back', publish: 'Published', archive: 'Archived', rolled_back: 'Rolled back' } },
  suggest: { title: 'These articles may already answer your question:' },
  ticket: { suggestions: 'Related articles', none: 'No matching articles', matched: 'Matched: {{words}}', insertLink: 'Insert link', insertContent: 'Insert content', internalOnly: 'Internal article: only into an internal note', inserted: 'Inserted “{{title}}”', used: 'Articles used on this ticket', search: 'Search the knowledge base (??)', draftFromReply: 'Make an article from this reply', draftCreated: 'Draft created; {{count}} pieces of personal data removed — check the marked places' },
};
