/**
 * The evaluation queries of search exactness, by class. They cover what agents type: Chinese
 * words, phrases of 3–6 characters, Latin words and brand names written against Chinese, and
 * numbers with units, including near-misses that must not match each other (40分钟 / 二十分钟,
 * 一个小时 / 三个小时 / 一个多小时 / 一个办公室, 3次 / 第3次).
 */
export type QueryClass = 'word' | 'phrase' | 'latin' | 'number';

export const exactnessQueries: Record<QueryClass, string[]> = {
  word: ['漏水', '退款', '发票', '卡纸', '快递', '物业', '电梯', '宽带', '网速', '黑屏', '异响', '投诉', '客服', '骑手', '墨盒', '驱动', '停车', '门禁', '垃圾', '修', '退'],
  phrase: ['一个小时', '三个小时', '一个办公室', '打印机卡纸', '无法连接网络', '申请退款', '上门维修', '空调不制冷', '洗衣机漏水', '宽带断网', '物业费', '天花板', '全家桶', '墨盒不识别', '路由器', '定影器', '网络卡顿', '热水器', '门禁卡', '请耐心等待', '优惠券', '停车位', '半个小时', '一个多小时'],
  latin: ['app', 'KFC', 'kfc', 'pizza', 'iPad', 'iPhone', 'WiFi', 'HP-2000', 'hp', 'Epson', 'TCL-55C', 'LOS', 'SMTP', 'E-42', '5G', '12315', '500M', '美团app', '用app点的'],
  number: ['40分钟', '二十分钟', '45分钟', '90分钟', '10分钟', '3次', '第3次', '两次', '200元', '20元', '500元', '35元', '2天', '3天', '15天', '7天', '3号楼', 'E4', '两百元'],
};
