import { byStatusAndMonth, tableExporter, type DataExporters, type ExportFile, type ExportRow } from '../../app/data-exporters.js';
import { kbArticleFiles, kbArticles, kbArticleTranslations, kbArticleVersions, kbCategories } from './schema.js';

/** Knowledge categories, articles, their translations (the text), versions and files. */
export function registerKnowledgeExports(exporters: DataExporters, fileOf: (row: ExportRow) => ExportFile | undefined): void {
  exporters.register(tableExporter('kb_categories', kbCategories, { keys: [kbCategories.id] }));
  exporters.register(tableExporter('kb_articles', kbArticles, { keys: [kbArticles.id], summarise: byStatusAndMonth }));
  exporters.register(tableExporter('kb_article_translations', kbArticleTranslations, { keys: [kbArticleTranslations.articleId, kbArticleTranslations.locale] }));
  exporters.register(tableExporter('kb_article_versions', kbArticleVersions, { keys: [kbArticleVersions.articleId, kbArticleVersions.number] }));
  exporters.register(tableExporter('kb_article_files', kbArticleFiles, { keys: [kbArticleFiles.id], file: fileOf }));
}
