/** The exports module's messages, merged into the server catalogue (src/app/i18n). */
export const exportsMessages = {
  zhCN: {
    'exports.not_found': '数据导出不存在',
    'exports.already_running': '已有一个数据导出正在进行，请等它完成',
    'exports.not_ready': '导出文件尚未生成或已过期删除',
  },
  en: {
    'exports.not_found': 'No such data export',
    'exports.already_running': 'A data export is already running; wait for it to finish',
    'exports.not_ready': 'The export file is not ready yet, or it expired and was removed',
  },
};
