/** The knowledge base's words in the console and the web form (merged into web/src/app/locales). */
export const knowledgeZhCN = {
  suggest: { title: '这些文章也许能解决您的问题：' },
  ticket: { suggestions: '相关知识', none: '没有匹配的文章', matched: '匹配：{{words}}', insertLink: '插入链接', insertContent: '插入内容', internalOnly: '内部文章，只能插入内部备注', inserted: '已插入“{{title}}”', used: '本工单引用的文章', search: '搜索知识库（??）', draftFromReply: '由此回复创建文章', draftCreated: '已创建草稿，已移除 {{count}} 处个人信息，请检查标记处' },
};
export const knowledgeEn: typeof knowledgeZhCN = {
  suggest: { title: 'These articles may already answer your question:' },
  ticket: { suggestions: 'Related articles', none: 'No matching articles', matched: 'Matched: {{words}}', insertLink: 'Insert link', insertContent: 'Insert content', internalOnly: 'Internal article: only into an internal note', inserted: 'Inserted “{{title}}”', used: 'Articles used on this ticket', search: 'Search the knowledge base (??)', draftFromReply: 'Make an article from this reply', draftCreated: 'Draft created; {{count}} pieces of personal data removed — check the marked places' },
};
