# The page's words in Simplified Chinese (zh-Hans). This catalog has exactly the same message ids,
# in the same order, and the same variables per message as locales/en/page.ftl; a test checks
# that. Fluent format: https://projectfluent.org/fluent/guide/
#
# Product and protocol names, file names, config keys, CSP words, URL schemes, status codes and
# whatever a server answered stay as they are (a server's words only arrive in variables).
# Chinese has one plural form (CLDR `other`): selects are kept only where English has a numeric
# variant such as [0] with a different sentence.
#
# Typography: full-width Chinese punctuation (，。：；（）“”), a space between Chinese characters
# and Latin words or numbers (Microsoft's convention), … for an ellipsis, and "你" for the user.
#
# Terminology sources: Commvault's Simplified Chinese documentation could not be found (searched
# for Commvault / Command Center Chinese pages on email server, SMTP server, sender name and
# email address; only English pages of documentation.commvault.com turned up). The terms follow
# the Microsoft Language Portal / Microsoft zh-CN UI conventions (登录, 注销, 取消, 保存, 用户名,
# 密码, 访问令牌, 电子邮件地址, 邮件服务器, 身份验证, 加密, 基 URL, 源, 标头, 帐户), and for
# Exchange Online terms (SMTP AUTH, 租户, 邮箱, 连接器, 中继) Microsoft's zh-CN article
# https://learn.microsoft.com/zh-cn/Exchange/mail-flow-best-practices/how-to-set-up-a-multifunction-device-or-application-to-send-email-using-microsoft-365-or-office-365
# Google's own Chinese terms are used for 应用专用密码 (app password) and 两步验证
# (2-Step Verification).

## The page and its sign-in, before and after the app runs (index.html, startup/early.js)

page-title = 电子邮件服务器
# The document's title: the page's heading (config.json's `title`, or page-title), then the product.
document-title = { $title } · Command Center
page-lead = Command Center 通过此邮件服务器发送警报、计划报告和日志文件。
sign-in-title = 登录 Command Center
sign-in-with = 登录方式
sign-in-mode-user = Command Center 用户
sign-in-mode-token = 访问令牌
button-sign-in = 登录
button-use-token = 使用此令牌
button-signing-in = 正在登录…
button-cancel = 取消
button-show = 显示
button-hide = 隐藏
noscript = 此页面需要 JavaScript 和 WebAssembly。请启用它们，或在 Command Center 自己的控制台中配置电子邮件服务器。
portal-connecting-title = 正在连接到门户…
portal-connecting-waiting = 正在等待门户移交其 Command Center 会话。
sign-in-reading-settings = 正在读取页面设置…
field-api-base-url = API 基 URL
field-api-base-url-hint = 此浏览器访问 Command Center REST API 的地址，通常是同一服务器上的 /commandcenter/api。
field-login-user = 用户名
field-login-password = 密码
field-access-token = 访问令牌
field-access-token-hint = 在 Command Center 中创建的 API 访问令牌或密钥。它仅保存在此标签页的内存中。

## Starting the page (startup/early.js)

start-loading = 正在加载页面…
start-starting = 正在启动页面…
start-stalled = 连接似乎已停滞：已有 { $seconds } 秒未收到任何内容。如果其余内容到达，页面仍会启动，并保留你输入的内容；“重新加载”会从头开始，可能丢失这些内容。
start-reload = 重新加载
start-failed-title = 此页面无法启动
start-failed-load = 无法加载 { $url }。
start-failed-load-status = 无法加载 { $url }（HTTP { $status }）。
start-failed-error = 页面因错误而停止（{ $error }）。
start-failed-browser = 页面无法在此浏览器中运行。
start-failed-advice = 请重新加载页面。如果仍然无效，可能是 Web 服务器未提供页面的全部文件，其 Content-Security-Policy 的 script-src 中缺少 'wasm-unsafe-eval'，或此浏览器版本过旧：页面需要 Chrome 或 Edge 97、Firefox 102 或 Safari 16 及更高版本。
page-error = 此页面内部出错，可能会停止响应。请重新加载页面以重新开始；除非页面已提示保存，否则未保存任何内容。（详细信息见浏览器的开发者控制台。）

## config.json

config-problem = { $problem } 页面将使用默认的 API 基 URL。
config-http = 无法加载 config.json（HTTP { $status }）。
config-unavailable = 无法加载 config.json（{ $reason }）。
config-reason-timed-out = { $seconds } 秒内无响应
config-reason-broke-off = HTTP { $status }，响应中断
config-reason-failed = 请求失败
# $error is the JSON parser's own description of the problem.
config-not-json = config.json 无效：{ $error }。
config-invalid = config.json 无效：{ $problem }。
config-api-base-url = apiBaseUrl：{ $error }
config-timeout-range = requestTimeoutSeconds 必须介于 1 到 { $max } 之间
config-origin = embedding.allowedParentOrigins：“{ $origin }”不是源：{ $problem }
config-title-length = title 必须为 1 到 { $max } 个字符
config-title-line = title 必须为单行，且不含控制字符
config-language = language：“{ $tag }”不是此页面提供的语言（{ $languages }）
config-theme-type = config.json 的 themeStylesheet 不是文本：页面将使用自己的颜色。
config-theme-elsewhere = config.json 的 themeStylesheet“{ $url }”不在此页面自己的服务器上，而只有来自该服务器的样式表才能设置此页面的样式：页面将使用自己的颜色。
config-theme-failed = 无法加载 config.json 的 themeStylesheet 所指的样式表“{ $url }”：页面将使用自己的颜色。
origin-scheme = 必须以 https:// 或 http:// 开头
origin-path = 源不含路径、查询、片段或用户：请写成 https://host
origin-wildcard = 不允许使用通配符：请逐一列出每个源
origin-port = 请写成 https://host 或 https://host:port
origin-default-port = 请省略该方案的默认端口，与浏览器的做法一致
origin-host = 主机必须是小写名称或 IP 地址

## Who is signed in

session-login = 已作为 { $user } 登录
session-token = 已使用访问令牌登录
session-portal = 已通过 { $origin } 登录
button-sign-out = 注销
button-signing-out = 正在注销…

## The language menu

language-label = 语言
language-failed = 无法使用 { $language } 文本（{ $reason }），页面仍显示英语。请重新加载页面重试。
language-reason-http = HTTP { $status }
language-reason-unavailable = 请求失败
language-reason-too-large = 文件太大
language-reason-not-fluent = 该文件不是 Fluent 目录：{ $error }
language-reason-incomplete = 该文件缺少消息，例如 { $ids }

## The fields: labels and hints

legend-mail-server = 邮件服务器
field-provider = 提供商
field-provider-hint = 填入该提供商文档给出的服务器、端口和加密方式。
provider-other = 其他邮件服务器
provider-microsoft-365 = Microsoft 365（Exchange Online）
provider-google = Google Workspace 或 Gmail
provider-amazon-ses = Amazon SES，{ $name }（{ $region }）
provider-sendgrid = SendGrid
provider-mailgun = Mailgun（美国）
provider-mailgun-eu = Mailgun（欧盟）
provider-local-relay = 本地网络上的中继（端口 25，不加密）
field-smtp-server = SMTP 服务器
field-smtp-server-hint = 主机名或 IP 地址，不含 http:// 或端口。
field-smtp-port = SMTP 端口
field-smtp-port-hint = 通常为 25、587（TLS）或 465（SSL）。
# When the port is the administrator's or Command Center's, and not the usual one.
field-smtp-port-usual = 使用 { $encryption } 时，常用端口为 { $port }。
field-encryption = 加密
field-encryption-hint = 请使用邮件服务器支持的方式；TLS 通过 STARTTLS 升级连接。
encryption-none = 无
encryption-tls = TLS（STARTTLS）
encryption-ssl = SSL
legend-sender = 发件人
field-sender-email = 发件人电子邮件地址
field-sender-email-hint = Command Center 发送的每封邮件的“发件人”地址。
field-sender-name = 发件人名称
field-sender-name-hint = 向收件人显示为发件人，例如“备份警报”。
legend-authentication = 身份验证
field-authentication = 邮件服务器要求登录
field-authentication-hint = 如果邮件服务器只在登录后才接受邮件，请开启此项。
field-username = 用户名
field-password = 密码
field-password-saved-hint = 除非输入新密码，否则保留已保存的密码。
password-withheld-server = 服务器已更改：请重新输入密码。已保存的密码只发送到保存时对应的服务器。
password-withheld-port = 端口已更改：请重新输入密码。已保存的密码只发送到保存时对应的服务器和端口。
password-withheld-encryption = 加密现已关闭：如果允许密码以未加密方式通过网络传输，请重新输入。已保存的密码此前只以加密方式发送。

## A field's warning or note, under it: the settings can still be saved and tested

# The first word of each, so that the two are told apart by more than their colour.
warning-label = 警告：
note-label = 注意：
warning-port-465-tls = 端口 465 需要 SSL，即从一开始就加密的连接；使用 TLS（STARTTLS）时，常用端口为 587。
warning-port-587-ssl = 端口 587 需要 TLS（STARTTLS）；使用 SSL 时，常用端口为 465。
warning-sign-in-unencrypted = 不加密时，用户名和密码会以可读形式通过网络传输：如果邮件服务器支持，请选择 TLS 或 SSL。
warning-microsoft-365 = 从 2026 年 12 月底起，Exchange Online 对现有租户默认关闭使用密码的 SMTP AUTH（可以重新开启；此后创建的租户则为关闭状态；移除时间将于 2027 年下半年公布）。Command Center 只发送用户名和密码，因此请通过 SMTP 中继或连接器发送，或为此邮箱重新开启 SMTP AUTH。
note-google-app-password = Google 在此处只接受应用专用密码：由 16 个字母组成，在 Google 帐户的安全性设置中生成。它需要启用两步验证，且工作帐户的管理员可能已关闭应用专用密码。
warning-google-app-password = 这不是应用专用密码，而 Google 在此处只接受应用专用密码：应用专用密码有 16 个字母（空格不计）。它需要启用两步验证，且工作帐户的管理员可能已关闭应用专用密码。

## A field's error, under it

required-login-user = 请输入你的 Command Center 用户名。
required-login-password = 请输入你的 Command Center 密码。
required-access-token = 请输入访问令牌。
required-api-base-url = 请输入 API 基 URL，例如 /commandcenter/api。
required-smtp-server = 请输入 SMTP 服务器名称或 IP 地址。
required-smtp-port = 请输入 SMTP 端口，即 1 到 65535 之间的数字。
required-sender-email = 请输入发件人电子邮件地址。
required-sender-name = 请输入发件人名称。
required-username = 请输入邮件服务器要求的用户名。
required-value = 请输入一个值。
error-too-long = 最多可使用 { $max } 个字符。
error-control-character = 请删除换行符或控制字符：此处不允许使用它们。
error-port-not-a-number = 请只使用数字：端口是 1 到 65535 之间的数字。
error-port-out-of-range = 请输入 1 到 65535 之间的端口号。
error-host-scheme = 请只输入服务器名称，不要包含“{ $scheme }://”。
error-host-path = 请只输入服务器名称，不要包含路径（“/…”）。
error-host-space = 服务器名称不能包含空格。
error-host-port = 请将端口填入“SMTP 端口”字段，而不是写在服务器名称之后。
error-host-character = 服务器名称中不能包含“{ $character }”：请使用字母、数字、连字符和点。
error-host-not-ascii = 国际化服务器名称请使用其 ASCII 形式（以“xn--”开头）。
error-host-empty-label = 服务器名称不能以点开头，也不能包含两个连续的点。
error-host-label-too-long = 服务器名称中以点分隔的每一部分最多 63 个字符。
error-host-label-hyphen = 服务器名称的各部分不能以连字符开头或结尾。
error-host-ipv4 = 这不是有效的 IPv4 地址：需要四个 0 到 255 之间的数字，例如 192.0.2.25。
error-host-bracketed-ipv6 = 请输入不带方括号的 IPv6 地址。
error-email-missing-at = 请输入电子邮件地址，例如 alerts@example.com。
error-email-several-at = 电子邮件地址只能有一个“@”。
error-email-space = 电子邮件地址不能包含空格。
error-email-local-part = 电子邮件地址中“@”之前的部分无效：请使用字母、数字和 . _ + -，且不能有两个连续的点。
error-email-local-part-too-long = 电子邮件地址中“@”之前的部分最多 64 个字符。
error-email-domain = “@”之后的部分必须是域名，例如 alerts@example.com。
error-password-missing = 请输入此用户名的密码；如果邮件服务器不需要登录，请关闭登录。
error-password-for-test = 用户名已更改，请输入密码再测试：已保存的密码属于已保存的用户名。
error-token-character = 访问令牌只包含字母、数字、空格和 ASCII 标点符号：请重新复制。
error-base-url = 请输入以 https://、http:// 或 / 开头的地址，不含空格、“?”或“#”，例如 /commandcenter/api。

## Loading the settings

load-loading = 正在加载当前设置…
load-configured = 已从 Command Center 加载当前设置。
load-not-configured = Command Center 中尚未配置邮件服务器：请填写表单并保存。
load-started-empty = 从空表单开始：保存后将从头配置邮件服务器。
button-load-retry = 重试
button-load-start-empty = 从空表单开始

## Save and Send test email

button-save = 保存
button-saving = 正在保存…
button-discard = 放弃更改
button-send-test = 发送测试电子邮件
button-sending = 正在发送…
off-loading = 当前设置加载完成前，“保存”和“发送测试电子邮件”不可用。
off-load-failed = 当前设置未能加载，因此“保存”不可用：请在上方选择“重试”或“从空表单开始”。
off-saving = 保存完成前，“发送测试电子邮件”不可用。
off-testing = 测试电子邮件发送完成前，“保存”不可用。
off-unchanged = “保存”不可用：与 Command Center 中的设置相比没有任何不同。
off-reading = 读取 Command Center 的设置前，“保存”和“发送测试电子邮件”不可用。
send-test-note = 测试电子邮件使用上方的设置但不保存，并发送到你当前登录所用的 Command Center 用户的电子邮件地址。
send-test-note-to = 测试电子邮件使用上方的设置但不保存，并发送到 { $address }，即你当前登录所用的 Command Center 用户的地址。
status-saved = 电子邮件服务器设置已保存。Command Center 现在通过 { $server }:{ $port } 发送邮件。
status-saved-reading = 正在回读设置，以检查 Command Center 是否已保留…
status-saved-checked = 已保存并检查：Command Center 现已采用这些设置，并通过 { $server }:{ $port } 发送邮件。
# $list: one not-kept-item per setting, separated by semicolons.
status-saved-not-kept = 已保存，但 Command Center 未保留发送给它的全部内容：{ $list }。表单显示的是 Command Center 中的设置。
not-kept-item = { $field } 发送的值为 { $sent }，Command Center 中为 { $kept }
# $reason: what went wrong, in the words of a failed call.
status-saved-unchecked = 已保存。无法回读设置进行检查：{ $reason }
status-theirs-loaded = 你的更改已放弃：表单显示的是 Command Center 当前的设置。
status-saved-elsewhere-loaded = { $count ->
    [0] 已加载另一个标签页保存的设置：与此页面已有的设置相同。
   *[other] 已加载另一个标签页保存的设置：有 { $count } 项设置已更改。
}
# $list: one kept-mine-item per setting, separated by semicolons.
status-saved-elsewhere-kept = 你输入了不同值的地方，表单中保留你的值：{ $list }。
kept-mine-item = { $field }（另一标签页保存的值：{ $now }）
status-test-sent = 测试电子邮件已发送到你当前登录所用的 Command Center 用户的电子邮件地址。如果未收到，请检查该邮箱的垃圾邮件文件夹。设置未保存。
status-test-sent-to = 测试电子邮件已发送到 { $address }。如果未收到，请检查该邮箱的垃圾邮件文件夹。设置未保存。
status-invalid-save = 保存前请修正突出显示的 { $count } 个字段：未发送任何内容。
status-invalid-test = 发送测试电子邮件前请修正突出显示的 { $count } 个字段：未发送任何内容。

## Another tab of this page saved

saved-elsewhere = 已在另一个标签页中保存：Command Center 的设置可能已不再是此页面加载的设置。
button-load-saved = 加载已保存的设置

## The review before saving

review-title = 检查更改
review-update = 将更新 Command Center 的电子邮件服务器：更改 { $count } 项设置。
review-configure = 将使用以下 { $count } 项设置配置 Command Center 的电子邮件服务器。
review-setting = 设置
review-now = 当前
review-after = 保存后
button-back = 返回表单
button-confirm = 确认
button-apply-mine = 将我的更改应用到当前设置
button-load-theirs = 放弃我的更改并加载对方的设置
button-save-anyway = 仍然保存
review-checking = 正在检查 Command Center 是否仍保留此页面加载的设置…
review-waiting = 读取 Command Center 的当前设置后，将立即执行“确认”…
review-unchanged = Command Center 仍保留此页面加载的设置。
review-changed-title = 自你加载此页面后在 Command Center 中发生的更改
review-changed-lead = 在此期间有人更改了这些设置。应用你的更改会保留对方的更改，但你也更改过的设置除外：这些设置将保存你的值。
review-when-loaded = 加载时
review-now-there = Command Center 当前
review-yours = 你的
review-both-changed = 双方都已更改：将保存你的值
# $reason: what went wrong, in the words of a failed call.
review-check-failed = 无法检查 Command Center 当前的设置：{ $reason }
# $field: the setting's label; $error: what is wrong with it.
review-merge-problem = 你的更改无法直接应用到当前设置。{ $field }：{ $error } 请返回表单进行修正。
value-empty = （空）
value-on = 开
value-off = 关
password-changed = 已更改
password-saved = 已保存
password-saved-elsewhere = 已保存，用于保存时对应的服务器
password-typed-again = 已为新连接重新输入

## Signing in again after a 401

reauth-title = 重新登录
reauth-reason = Command Center 未接受令牌（HTTP 401）：会话已过期或令牌已被吊销。请重新登录以继续；你在表单中输入的内容会保留，并将重试该操作。

## When a call fails: what happened, then what was not done, then what to do

error-unreachable = 无法访问位于 { $base_url } 的 Command Center（{ $detail }）。请检查 API 基 URL，确认 Command Center（或其前面的代理）正在运行，且此计算机可以访问它。
error-cors = 浏览器阻止了来自 { $base_url } 的 Command Center 的响应：它不允许来自此页面的源（{ $page_origin }）的调用（CORS）。请从与 Command Center 相同的地址提供此页面（例如放在同一反向代理之后），或让 Command Center 或其代理允许 { $page_origin } 使用 Authtoken 和 Content-Type 标头。
error-csp = 此页面的 Content-Security-Policy 不允许其连接到 { $origin }（{ $directive }），因此浏览器未向 { $base_url } 发送请求。请在 Web 服务器随此页面发送的 Content-Security-Policy 标头中，将 { $origin } 添加到 { $directive }；或使用其已允许的源上的 API 基 URL。
error-mixed-content = 此页面通过 https 提供（{ $page_origin }），而 API 基 URL { $base_url } 使用 http：浏览器会阻止此类调用（混合内容）。请使用 Command Center 的 https 地址。
error-timed-out = Command Center 未在 { $seconds } 秒内响应。它可能正忙，或因防火墙或 VPN 而无法访问；请重试，或在 config.json 中增大 requestTimeoutSeconds。
error-cancelled = 已取消。
error-not-sent = 浏览器无法发送请求（{ $detail }）。请检查 API 基 URL。
error-unauthorized = Command Center 未接受访问令牌（HTTP 401）：令牌错误或已过期。请重新登录或粘贴有效的令牌。
error-forbidden = Command Center 拒绝访问（HTTP 403）。
error-forbidden-said = Command Center 拒绝访问（HTTP 403）：{ $message }。
advice-forbidden = 此用户可能无权管理电子邮件服务器设置：请以具有该权限的用户身份登录。
error-not-found = 在 { $base_url } 未找到 Command Center 的电子邮件服务器 API（HTTP 404）。
error-not-found-said = 在 { $base_url } 未找到 Command Center 的电子邮件服务器 API（HTTP 404）：{ $message }。
advice-not-found = 请检查 API 基 URL（通常以 /commandcenter/api 结尾）；没有 V4 API 的旧版 Command Center 也会这样响应。
error-bad-request = Command Center 拒绝了请求（HTTP 400）。
error-bad-request-said = Command Center 拒绝了请求（HTTP 400）：{ $message }。
error-rejected-login = Command Center 拒绝了登录（错误代码 { $code }）。
error-rejected-login-said = Command Center 拒绝了登录：{ $message }（错误代码 { $code }）。
error-rejected-load = Command Center 未返回设置（错误代码 { $code }）。
error-rejected-load-said = Command Center 未返回设置：{ $message }（错误代码 { $code }）。
error-rejected-save = Command Center 拒绝了这些设置（错误代码 { $code }）。
error-rejected-save-said = Command Center 拒绝了这些设置：{ $message }（错误代码 { $code }）。
error-rejected-test = 测试电子邮件发送失败（错误代码 { $code }）。
error-rejected-test-said = 测试电子邮件发送失败：{ $message }（错误代码 { $code }）。
error-server = Command Center 出错（HTTP { $status }）。
error-server-said = Command Center 出错（HTTP { $status }）：{ $message }。
advice-server = Command Center 或其前面的代理出现问题；请几分钟后重试。
error-status = Command Center 返回了 HTTP { $status }。
error-status-said = Command Center 返回了 HTTP { $status }：{ $message }。
error-unreadable = 该响应（HTTP { $status }）并非来自 Command Center 的 API：请检查 API 基 URL 是否指向它。
# What a proxy's HTML error page is called in place of its markup.
server-html-page = 标题为“{ $title }”的 HTML 页面
consequence-login = 你尚未登录。
consequence-load = 未加载当前设置。
consequence-save = 未保存任何内容。
consequence-recheck = 未将你的更改与 Command Center 当前的设置进行比较。
consequence-read-back = 请重新加载页面，查看 Command Center 中的设置。
consequence-test = 未发送测试电子邮件。
# After a timeout or an unreadable answer, the save may have arrived.
consequence-save-unknown = 设置可能已保存，也可能未保存：请重新加载页面查看。
consequence-save-cancelled = 请求可能已到达 Command Center：请重新加载页面，查看已保存的内容。
retry-login = 请检查用户名和密码，然后重试。
retry-load = 请重试，或从空表单开始。
retry-save = 请更正设置，然后重新保存。
retry-recheck = 选择“仍然保存”可不经检查发送你的更改；或返回表单，稍后再保存。
retry-test = 请更正设置，然后重新发送测试电子邮件。
# After a failed test mail whose reply the page knows: what to do about it.
advice-microsoft-smtp-auth-off = Exchange Online 对此租户或邮箱拒绝使用密码的 SMTP AUTH：请为该邮箱重新开启 SMTP AUTH，或通过 SMTP 中继或连接器发送。
advice-microsoft-not-authenticated = Exchange Online 要求登录：请开启“邮件服务器要求登录”并填写该邮箱的用户名和密码，或使用接受 Command Center 地址所发邮件的连接器。
advice-google-app-password = Google 要求使用应用专用密码，而不是帐户本身的密码：请创建一个（需要启用两步验证），并将其作为密码输入。
advice-google-bad-credentials = Google 拒绝了用户名和密码：用户名是完整的电子邮件地址，密码必须是应用专用密码。
advice-relay-denied = 邮件服务器不为此发件人转发邮件：请使用有权发送的帐户登录，让中继接受 Command Center 的地址，或使用该服务器自己域中的发件人地址。
advice-starttls-required = 邮件服务器要求加密连接：请选择 TLS（STARTTLS），通常使用端口 587。
advice-tls = 加密连接失败：请检查加密方式是否与端口匹配（TLS 用 587，SSL 用 465），以及服务器的证书是否对其名称有效且受 Command Center 信任。
advice-unknown-host = Command Center 找不到此服务器名称：请检查拼写，并确认 Command Center 使用的 DNS 能解析该名称。
advice-refused = 该端口上没有服务接受连接：请检查端口和加密方式，并确认 Command Center 与邮件服务器之间没有防火墙阻止连接。
advice-timed-out = 邮件服务器未响应：可能是防火墙丢弃了连接，或网络阻止了该端口（许多网络会阻止端口 25）；请检查服务器和端口。
login-refused = Command Center 拒绝了登录。
login-refused-status = Command Center 拒绝了登录（HTTP { $status }）。
login-refused-said = Command Center 拒绝了登录：{ $message }。
login-refused-said-code = Command Center 拒绝了登录：{ $message }（错误代码 { $code }）。
