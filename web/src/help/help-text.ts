import type { HelpLocale } from '../features/knowledge/help-api.ts';

/** The help centre's words in both languages (it does not load the console's i18n catalogue). */
const text = {
  'zh-CN': {
    title: '帮助中心',
    searchPlaceholder: '输入问题，例如：打印机卡纸',
    search: '搜索',
    categories: '分类',
    allArticles: '全部文章',
    latest: '最新文章',
    results: '“{q}”的搜索结果',
    noResults: '没有找到相关文章，换个说法试试？',
    empty: '这里还没有文章。',
    notFound: '文章不存在或已下线。',
    loadError: '加载失败，请稍后重试。',
    retry: '重试',
    back: '返回帮助中心',
    helpful: '有用吗？',
    yes: '有用',
    no: '没用',
    whyNot: '哪里没有帮到您？',
    send: '提交',
    thanks: '谢谢您的反馈！',
    related: '相关文章',
    attachments: '附件下载',
    notFoundCta: '没有找到答案？提交工单',
    updated: '更新于 {date}',
    loading: '加载中…',
  },
  en: {
    title: 'Help centre',
    searchPlaceholder: 'Describe your problem, e.g. paper jam',
    search: 'Search',
    categories: 'Categories',
    allArticles: 'All articles',
    latest: 'Latest articles',
    results: 'Results for “{q}”',
    noResults: 'No matching articles. Try other words?',
    empty: 'No articles here yet.',
    notFound: 'This article does not exist or was taken down.',
    loadError: 'Could not load; please try again.',
    retry: 'Retry',
    back: 'Back to the help centre',
    helpful: 'Was this helpful?',
    yes: 'Yes',
    no: 'No',
    whyNot: 'What was missing?',
    send: 'Send',
    thanks: 'Thank you for your feedback!',
    related: 'Related articles',
    attachments: 'Downloads',
    notFoundCta: 'No answer? Submit a ticket',
    updated: 'Updated {date}',
    loading: 'Loading…',
  },
} satisfies Record<HelpLocale, Record<string, string>>;

export type HelpTextKey = keyof (typeof text)['zh-CN'];

export function helpText(locale: HelpLocale, key: HelpTextKey, params: Record<string, string> = {}): string {
  return text[locale][key].replace(/\{(\w+)\}/g, (_m, name: string) => params[name] ?? '');
}
