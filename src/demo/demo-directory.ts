import type { RoleName } from '../modules/auth/index.js';

/**
 * Who works in the demo service desk, how tickets are classified, and who the customers work for.
 * All people and companies are fictitious. Customer e-mail addresses use the reserved
 * `example.com` domain; the demo data must never be connected to live e-mail or SMS channels.
 */

export const demoEmailDomain = 'demo.opencsm.local';
/** Documented in the summary printed by `opencsm seed --demo` (and docs): change it on any shared server. */
export const defaultDemoPassword = 'opencsm-demo-2026';

export type TeamKey = 'frontline' | 'tech' | 'field' | 'complaints';

export const demoTeams: readonly { key: TeamKey; name: string; description: string }[] = [
  { key: 'frontline', name: '一线客服组', description: '电话、微信、邮件接待，登记工单，首次响应与回访 (Front desk: intake, first response, follow-up calls)' },
  { key: 'tech', name: '技术支持组', description: '网络、打印机、电脑终端的远程诊断与二线支持 (Second-line remote support)' },
  { key: 'field', name: '现场服务组', description: '上门维修、安装调试、定期巡检保养 (On-site repair, installation and maintenance)' },
  { key: 'complaints', name: '投诉处理组', description: '客户投诉受理、调查、补偿与闭环回访 (Complaints: investigation, compensation, closing the loop)' },
];

export type StaffMember = { key: string; name: string; role: RoleName; teams: TeamKey[]; title: string };

/** `key` is the local part of the e-mail address: zhang.wei → zhang.wei@demo.opencsm.local. */
export const demoStaff: readonly StaffMember[] = [
  { key: 'ma.jun', name: '马俊', role: 'admin', teams: [], title: '系统管理员' },
  { key: 'wang.fang', name: '王芳', role: 'supervisor', teams: ['frontline', 'complaints'], title: '客服主管' },
  { key: 'zhang.wei', name: '张伟', role: 'agent', teams: ['frontline'], title: '客服专员' },
  { key: 'li.na', name: '李娜', role: 'agent', teams: ['frontline'], title: '客服专员' },
  { key: 'liu.yang', name: '刘洋', role: 'agent', teams: ['frontline'], title: '客服专员' },
  { key: 'chen.jing', name: '陈静', role: 'agent', teams: ['frontline'], title: '客服专员' },
  { key: 'yang.lei', name: '杨磊', role: 'supervisor', teams: ['tech', 'field'], title: '技术主管' },
  { key: 'huang.xiaodong', name: '黄晓东', role: 'agent', teams: ['tech'], title: '技术支持工程师' },
  { key: 'zhou.min', name: '周敏', role: 'agent', teams: ['tech'], title: '技术支持工程师' },
  { key: 'wu.qiang', name: '吴强', role: 'field_engineer', teams: ['field'], title: '现场工程师' },
  { key: 'xu.gang', name: '徐刚', role: 'field_engineer', teams: ['field'], title: '现场工程师' },
  { key: 'sun.haitao', name: '孙海涛', role: 'field_engineer', teams: ['field'], title: '现场工程师' },
  { key: 'zhao.li', name: '赵丽', role: 'agent', teams: ['complaints'], title: '投诉专员' },
];

/** Who takes tickets of a team (assignees), and who supervises it. */
export const teamWorkers: Record<TeamKey, { assignees: string[]; supervisor: string }> = {
  frontline: { assignees: ['zhang.wei', 'li.na', 'liu.yang', 'chen.jing'], supervisor: 'wang.fang' },
  tech: { assignees: ['huang.xiaodong', 'zhou.min', 'yang.lei'], supervisor: 'yang.lei' },
  field: { assignees: ['wu.qiang', 'xu.gang', 'sun.haitao'], supervisor: 'yang.lei' },
  complaints: { assignees: ['zhao.li', 'wang.fang'], supervisor: 'wang.fang' },
};
/** Front-desk agents who register tickets from phone calls, WeChat and e-mail. */
export const intakeAgents = teamWorkers.frontline.assignees;

export type CategoryKey =
  | 'fault' | 'fault.printer' | 'fault.network' | 'fault.power' | 'fault.pc'
  | 'install'
  | 'enquiry' | 'enquiry.product' | 'enquiry.billing'
  | 'complaint' | 'complaint.attitude' | 'complaint.timeliness' | 'complaint.quality'
  | 'returns'
  | 'maintenance';

/** The category tree, parents before children. */
export const demoCategories: readonly { key: CategoryKey; parent?: CategoryKey; nameZh: string; nameEn: string; position: number }[] = [
  { key: 'fault', nameZh: '设备故障', nameEn: 'Equipment fault', position: 10 },
  { key: 'fault.printer', parent: 'fault', nameZh: '打印机', nameEn: 'Printer', position: 11 },
  { key: 'fault.network', parent: 'fault', nameZh: '网络', nameEn: 'Network', position: 12 },
  { key: 'fault.power', parent: 'fault', nameZh: '电源', nameEn: 'Power supply', position: 13 },
  { key: 'fault.pc', parent: 'fault', nameZh: '电脑终端', nameEn: 'PC and terminals', position: 14 },
  { key: 'install', nameZh: '安装调试', nameEn: 'Installation and commissioning', position: 20 },
  { key: 'maintenance', nameZh: '维护保养', nameEn: 'Scheduled maintenance', position: 30 },
  { key: 'enquiry', nameZh: '咨询', nameEn: 'Enquiry', position: 40 },
  { key: 'enquiry.product', parent: 'enquiry', nameZh: '产品与服务咨询', nameEn: 'Products and services', position: 41 },
  { key: 'enquiry.billing', parent: 'enquiry', nameZh: '账单与发票', nameEn: 'Billing and invoices', position: 42 },
  { key: 'complaint', nameZh: '投诉', nameEn: 'Complaint', position: 50 },
  { key: 'complaint.attitude', parent: 'complaint', nameZh: '服务态度', nameEn: 'Staff attitude', position: 51 },
  { key: 'complaint.timeliness', parent: 'complaint', nameZh: '处理时效', nameEn: 'Response time', position: 52 },
  { key: 'complaint.quality', parent: 'complaint', nameZh: '产品质量', nameEn: 'Product quality', position: 53 },
  { key: 'returns', nameZh: '退换货', nameEn: 'Returns and exchanges', position: 60 },
];

export const demoCompanies: readonly { name: string; domain: string; key: boolean }[] = [
  { name: '华信精密机械有限公司', domain: 'huaxin-precision.example.com', key: true },
  { name: '东方物流集团', domain: 'dongfang-logistics.example.com', key: true },
  { name: '新锐科技股份有限公司', domain: 'xinrui-tech.example.com', key: true },
  { name: '恒通建材有限公司', domain: 'hengtong-materials.example.com', key: false },
  { name: '蓝海医疗器械有限公司', domain: 'lanhai-medical.example.com', key: true },
  { name: '瑞丰食品有限公司', domain: 'ruifeng-food.example.com', key: false },
  { name: '金桥商贸有限公司', domain: 'jinqiao-trade.example.com', key: false },
  { name: '远航教育培训学校', domain: 'yuanhang-edu.example.com', key: false },
  { name: '博雅酒店管理有限公司', domain: 'boya-hotels.example.com', key: false },
  { name: '中联电子科技有限公司', domain: 'zhonglian-electronics.example.com', key: false },
  { name: '鑫源制药有限公司', domain: 'xinyuan-pharma.example.com', key: false },
  { name: '天成物业服务有限公司', domain: 'tiancheng-property.example.com', key: false },
  { name: '绿源农业科技有限公司', domain: 'lvyuan-agri.example.com', key: false },
  { name: '星河文化传媒有限公司', domain: 'xinghe-media.example.com', key: false },
  { name: '安达汽车服务有限公司', domain: 'anda-auto.example.com', key: false },
  { name: '润华连锁超市', domain: 'runhua-retail.example.com', key: false },
];

/** [汉字, pinyin] */
export const surnames: readonly (readonly [string, string])[] = [
  ['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'], ['黄', 'huang'],
  ['赵', 'zhao'], ['吴', 'wu'], ['周', 'zhou'], ['徐', 'xu'], ['孙', 'sun'], ['马', 'ma'], ['朱', 'zhu'],
  ['胡', 'hu'], ['郭', 'guo'], ['何', 'he'], ['高', 'gao'], ['林', 'lin'], ['罗', 'luo'], ['郑', 'zheng'],
  ['梁', 'liang'], ['谢', 'xie'], ['宋', 'song'], ['唐', 'tang'], ['韩', 'han'], ['冯', 'feng'], ['邓', 'deng'],
];

export const givenNames: readonly (readonly [string, string])[] = [
  ['建国', 'jianguo'], ['秀英', 'xiuying'], ['志强', 'zhiqiang'], ['海燕', 'haiyan'], ['俊杰', 'junjie'], ['雪梅', 'xuemei'],
  ['文博', 'wenbo'], ['欣怡', 'xinyi'], ['国华', 'guohua'], ['丽华', 'lihua'], ['明', 'ming'], ['婷', 'ting'],
  ['鹏', 'peng'], ['颖', 'ying'], ['浩然', 'haoran'], ['佳怡', 'jiayi'], ['建军', 'jianjun'], ['桂兰', 'guilan'],
  ['晓燕', 'xiaoyan'], ['宇航', 'yuhang'], ['子涵', 'zihan'], ['振华', 'zhenhua'], ['春梅', 'chunmei'], ['立新', 'lixin'],
  ['思远', 'siyuan'], ['玉兰', 'yulan'], ['德胜', 'desheng'], ['凤英', 'fengying'], ['嘉豪', 'jiahao'], ['梦琪', 'mengqi'],
];

export const departments: readonly string[] = ['财务部', '行政部', '人事部', '销售部', '生产车间', '仓库', '前台', '研发中心', '质检部', '采购部'];
