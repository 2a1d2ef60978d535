/** Messages of text templates, merged into the server catalogue (plain data, no imports). */
export const templateMessages = {
  zhCN: {
    'template.unknown_variable': '第 {line} 行第 {column} 列：未知变量 {variable}',
    'template.unclosed': '第 {line} 行第 {column} 列：“{text}”缺少结尾的 }}',
    'template.invalid_variable': '第 {line} 行第 {column} 列：“{text}”不是有效的变量名（应为如 ticket.number 的名称）',
    'template.too_long': '第 {line} 行第 {column} 列：内容过长（最多 {max} 个字符）',
  },
  en: {
    'template.unknown_variable': 'Line {line}, column {column}: unknown variable {variable}',
    'template.unclosed': 'Line {line}, column {column}: "{text}" has no closing }}',
    'template.invalid_variable': 'Line {line}, column {column}: "{text}" is not a variable name (like ticket.number)',
    'template.too_long': 'Line {line}, column {column}: the text is too long (at most {max} characters)',
  },
} as const;
