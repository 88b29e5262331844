/** The styles of report.html (inline: the page must open from an e-mail attachment, without a network). */
export const REPORT_STYLE = `
body{margin:0;font-family:'Noto Sans CJK SC','Noto Sans SC','Source Han Sans SC','Microsoft YaHei','PingFang SC',sans-serif;color:#222;background:#fafafa;font-size:14px}
header{display:flex;align-items:center;gap:24px;padding:8px 20px;background:#1f3a5f;color:#fff;position:sticky;top:0;z-index:5}
header h1{font-size:18px;margin:0}
header button{background:none;border:1px solid #9bb;color:#fff;margin-right:8px;padding:3px 10px;border-radius:3px;cursor:pointer}
main{padding:0 20px 20px}
section{scroll-margin-top:48px}
h2{border-bottom:2px solid #1f3a5f;padding-bottom:4px}
dl.facts{display:grid;grid-template-columns:max-content auto;gap:2px 16px}
dl.facts dt{font-weight:bold}
dl.facts dd{margin:0}
table.data{border-collapse:collapse;margin:8px 0 20px;background:#fff}
table.data caption{text-align:left;font-weight:bold;padding:4px 0}
table.data th,table.data td{border:1px solid #ccc;padding:3px 8px}
table.data th{background:#eef2f7}
.num{text-align:right;font-variant-numeric:tabular-nums}
.figures{display:flex;flex-wrap:wrap;gap:16px}
.figures figure{margin:0;background:#fff;border:1px solid #ddd}
#filters{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:end;padding:8px;background:#eef2f7;border-radius:4px}
#filters label{display:flex;flex-direction:column;font-size:12px;color:#444}
#filters select,#filters input{font-size:14px;max-width:260px}
.count{font-weight:bold}
#list{height:72vh;overflow-y:auto;position:relative;border:1px solid #ccc;background:#fff}
#spacer{position:relative}
.row{position:absolute;left:0;right:0;height:68px;box-sizing:border-box;padding:4px 10px;border-bottom:1px solid #e4e4e4;overflow:hidden;cursor:pointer}
.row:hover{background:#f4f8ff}
.meta{font-size:12px;color:#555;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.text{display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden;line-height:20px}
.chip{display:inline-block;padding:0 6px;border-radius:8px;color:#111;margin-right:4px;border:1px solid rgba(0,0,0,.15)}
.chip.other{opacity:.75}
.badge{display:inline-block;padding:0 6px;border-radius:3px;margin-right:4px;font-weight:bold}
.badge.manual{background:#7a1f5f;color:#fff}
.auto-code{text-decoration:line-through;color:#777;margin-right:6px}
.where{color:#1f3a5f;margin-left:6px}
mark{border-radius:2px;padding:0 1px;color:#111}
mark.topic{outline:1px dashed #555;outline-offset:-1px}
#docview{position:fixed;top:0;right:0;bottom:0;width:min(900px,90vw);background:#fff;box-shadow:-4px 0 16px rgba(0,0,0,.3);overflow-y:auto;z-index:10;padding:0 20px 40px;box-sizing:border-box}
#docview .dhead{position:sticky;top:0;background:#fff;padding:10px 0;border-bottom:2px solid #1f3a5f}
#docview .dclause{padding:6px 0;border-bottom:1px solid #eee;line-height:22px}
#docview .dclause.current{background:#fff6d5;outline:2px solid #e0b000}
`;
