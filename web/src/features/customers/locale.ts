import type { Catalogue } from '../../app/locales/catalogue.ts';

/** The customers screens' messages (zh-CN first; en typed against it). */
export const customersZhCN = {
  title: '客户',
};

export const customersEn: Catalogue<typeof customersZhCN> = {
  title: 'Customers',
};
