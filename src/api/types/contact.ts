/** The disclosure office's contact card (政府信息公开工作机构), as `GET {api-base}/contact` returns it. */
export interface ContactInfo {
  /** 机构名称 */
  agency: string;
  /** 受理处室 */
  department?: string;
  /** 联系人 */
  contact?: string;
  /** 联系电话: one number or several, separated by 、 , ; — a note in brackets may follow each (（可传真）). */
  phone?: string;
  /** 传真; a fax equal to one of the phones makes one combined 电话/传真 line. */
  fax?: string;
  /** 电子邮箱; a full-width ＠ (used against harvesters) is accepted. */
  email?: string;
  /** 办公地址 */
  address?: string;
  /** 邮政编码 */
  postcode?: string;
  /** 办公时间: one line per period (newline or ；), e.g. 夏令时 and 冬令时 hours. */
  hours?: string;
  /** 网站 (http or https) */
  website?: string;
  /** A link to a map of the address (http or https) */
  mapHref?: string;
}
