/**
 * Every interface string, in English and Simplified Chinese. scripts/gen-locales.ts writes
 * public/_locales/{en,zh_CN}/messages.json from this table (the browser uses those for the
 * manifest and when the interface follows the browser's language); the UI reads the same
 * table so a reader can also pick a language in the options. Pure module.
 */
export const STRINGS = {
  extName: ['Spyglass: cyber-espionage context', 'Spyglass：网络间谍新闻背景'],
  extDescription: [
    'Neutral, sourced background on the agencies, hacking groups, policies and earlier incidents in cyber-espionage news. Works offline.',
    '为网络间谍新闻中的机构、黑客组织、政策和既往事件提供中立、有出处的背景信息。完全离线运行。',
  ],
  actionTitle: ['Spyglass', 'Spyglass'],
  commandNextMention: ['Go to the next highlighted name and open its card', '跳到下一个高亮名称并打开卡片'],
  commandCloseCard: ['Close the Spyglass card', '关闭 Spyglass 卡片'],
  contextMenuLookup: ['Look up “%s” in Spyglass', '在 Spyglass 中查找“%s”'],
  badgeTitle: [
    'Spyglass: $1 known entities in this cyber-espionage article',
    'Spyglass：这篇网络间谍文章提到 $1 个已知条目',
  ],
  verdictEspionage: ['Cyber-espionage article', '网络间谍相关文章'],
  verdictArticle: ['Article, not about cyber-espionage', '文章，与网络间谍无关'],
  verdictNotArticle: ['Not an article', '不是文章'],
  verdictUnreadable: ['Spyglass can’t read this page', 'Spyglass 无法读取此页面'],
  verdictPaused: ['Paused on this site', '已在此网站暂停'],
  verdictDisabled: ['Spyglass is switched off', 'Spyglass 已关闭'],
  verdictLoading: ['Reading the page…', '正在读取页面…'],
  why: ['Why', '原因'],
  score: ['Score', '得分'],
  entitiesFound: ['Entities in this article', '本文提到的条目'],
  noEntities: ['No known entities found.', '未发现已知条目。'],
  mentionCount: ['$1 mentions', '$1 处提及'],
  showInPage: ['Show in page', '在页面中显示'],
  timeline: ['Timeline', '时间线'],
  timelineEmpty: ['No dated allegations or policy moves linked to this article.', '没有与本文相关的带日期指控或政策。'],
  search: ['Search', '搜索'],
  searchPlaceholder: ['Search the knowledge base (e.g. Volt Typhoon, 61398)', '搜索知识库（如：伏特台风、61398）'],
  searchNoResults: ['No matches.', '没有匹配结果。'],
  searchResults: ['$1 results', '$1 个结果'],
  back: ['Back', '返回'],
  more: ['More', '更多'],
  close: ['Close', '关闭'],
  aliases: ['Also known as', '又称'],
  summary: ['Summary', '概述'],
  details: ['Dated facts', '大事记'],
  keyDates: ['Key dates', '关键日期'],
  claim: ['The claim', '指控'],
  claimBy: ['Alleged by', '指控方'],
  claimAgainst: ['Against', '被指控方'],
  claimWhen: ['When', '时间'],
  claimWhat: ['What was alleged', '指控内容'],
  claimResponse: ['Response', '回应'],
  related: ['Related', '相关条目'],
  sources: ['Sources', '来源'],
  asOf: ['As of $1', '截至 $1'],
  kbAsOf: ['Knowledge base checked as of $1', '知识库核对日期：$1'],
  pauseSite: ['Pause on this site', '在此网站暂停'],
  resumeSite: ['Resume on this site', '在此网站恢复'],
  openOptions: ['Options', '设置'],
  notFound: ['Entry not found.', '未找到条目。'],
  errorGeneric: ['Something went wrong: $1', '出错了：$1'],
  kindOrganization: ['Organization', '机构'],
  kindThreatActor: ['Threat actor', '威胁行为者'],
  kindOperation: ['Operation or incident', '行动或事件'],
  kindAllegation: ['Allegation or report', '指控或报告'],
  kindAction: ['Indictment, sanction or advisory', '起诉、制裁或通告'],
  kindPolicy: ['Policy or export control', '政策或出口管制'],
  kindLaw: ['Law', '法律'],
  kindConcept: ['Concept', '概念'],
  directionCnUs: ['China → US', '中国 → 美国'],
  direction: ['$1 → $2', '$1 → $2'],
  optionsTitle: ['Spyglass options', 'Spyglass 设置'],
  optEnabled: ['Spyglass is on', '启用 Spyglass'],
  optHoverCards: ['Show cards when hovering highlighted names', '悬停高亮名称时显示卡片'],
  optHoverDelay: ['Hover delay (milliseconds)', '悬停延迟（毫秒）'],
  optMentions: ['Highlight', '高亮'],
  optMentionsFirst: ['First mention of each name', '每个名称的首次出现'],
  optMentionsAll: ['Every mention', '全部出现'],
  optScope: ['Highlight on', '高亮范围'],
  optScopeEspionage: ['Cyber-espionage articles only', '仅网络间谍文章'],
  optScopeAny: ['Any article', '所有文章'],
  optStyle: ['Highlight style', '高亮样式'],
  optStyleUnderline: ['Underline in the colour of the kind', '按类别颜色下划线'],
  optStyleNone: ['No highlights (cards and popup only)', '不高亮（仅卡片和弹出窗口）'],
  optColors: ['Underline colours', '下划线颜色'],
  optThreshold: ['Sensitivity (verdict threshold, lower flags more articles)', '灵敏度（判定阈值，越低标记越多）'],
  optPaused: ['Paused sites', '已暂停的网站'],
  optPausedHelp: [
    'A host name (example.com, also covers its subdomains) or a match pattern (*://*.example.com/*).',
    '主机名（example.com，包括子域名）或匹配模式（*://*.example.com/*）。',
  ],
  optPausedAdd: ['Add', '添加'],
  optPausedRemove: ['Remove $1', '移除 $1'],
  optPausedInvalid: ['Not a host name or match pattern: $1', '不是有效的主机名或匹配模式：$1'],
  optPausedEmpty: ['No paused sites.', '没有暂停的网站。'],
  optLanguage: ['Interface language', '界面语言'],
  optLanguageAuto: ['Follow the browser', '跟随浏览器'],
  optLanguageEn: ['English', 'English'],
  optLanguageZh: ['中文（简体）', '中文（简体）'],
  optTheme: ['Theme', '主题'],
  optThemeSystem: ['Follow the system', '跟随系统'],
  optThemeLight: ['Light', '浅色'],
  optThemeDark: ['Dark', '深色'],
  optSaved: ['Saved. Open tabs update at once.', '已保存，已打开的标签页会立即更新。'],
  optRecovered: [
    'Some stored settings were unreadable and were reset to their defaults: $1',
    '部分已保存的设置无法读取，已恢复默认值：$1',
  ],
  optReset: ['Reset all settings', '重置全部设置'],
  about: ['About', '关于'],
  aboutKb: ['$1 entries, checked as of $2.', '共 $1 个条目，核对日期 $2。'],
  privacy: [
    'Spyglass makes no network requests. Everything, including the knowledge base, runs inside your browser; nothing you read is sent anywhere.',
    'Spyglass 不发出任何网络请求。包括知识库在内的一切都在浏览器内运行，您阅读的内容不会被发送到任何地方。',
  ],
  permissions: ['Permissions', '权限'],
  permStorage: ['storage: keeps your settings.', 'storage：保存您的设置。'],
  permContextMenus: [
    'contextMenus: adds “Look up in Spyglass” for selected text.',
    'contextMenus：为选中文字添加“在 Spyglass 中查找”。',
  ],
  permScripting: [
    'scripting: loads the analysis code only into pages that look like articles, so other pages stay fast.',
    'scripting：仅在看起来像文章的页面加载分析代码，使其他页面保持快速。',
  ],
  permHosts: [
    'Read pages on all sites: to notice cyber-espionage articles wherever you read them. Page text never leaves the browser.',
    '读取所有网站的页面：以便在任何网站识别网络间谍文章。页面文字不会离开浏览器。',
  ],
  summaryForScreenReaders: ['This article mentions $1 known entities.', '本文提到 $1 个已知条目。'],
  cardLabel: ['Background on $1', '$1 的背景'],
} as const satisfies Record<string, readonly [string, string]>;

export type MessageKey = keyof typeof STRINGS;
export type UiLang = 'en' | 'zh_CN';

/** Substitutes $1, $2… in a message. */
export function format(template: string, subs: readonly (string | number)[] = []): string {
  return template.replace(/\$(\d)/g, (m, n: string) => {
    const v = subs[Number(n) - 1];
    return v === undefined ? m : String(v);
  });
}

export function translate(lang: UiLang, key: MessageKey, subs?: readonly (string | number)[]): string {
  return format(STRINGS[key][lang === 'zh_CN' ? 1 : 0], subs);
}

/** Maps a browser UI language ("zh-CN", "zh-TW", "en-US") to one we ship. */
export function pickUiLang(browserLang: string | undefined): UiLang {
  return browserLang?.toLowerCase().startsWith('zh') ? 'zh_CN' : 'en';
}
