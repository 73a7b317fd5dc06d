# The page's words in JAPANESE (ja). This catalog has exactly the same message ids, in the same
# order, and the same variables per message as locales/en/page.ftl; a test checks this. Only the
# text is translated. Japanese has one plural form (CLDR `other`): selects on a count are kept
# only where English has a numeric variant such as [0] with a different sentence.
#
# Terminology sources: Commvault's localized (Japanese) documentation for the email server /
# SMTP settings of Command Center could NOT be found. Commvault Japan's own Japanese pages were
# found and consulted for general style only (they write compound katakana with a space, as
# Microsoft does): https://www.commvault.co.jp/support/tips/cv-glossary/ and
# https://www.commvault.co.jp/products/serial-article/technical_blog/tb-19b011/ . The English
# CommvaultPowerShell help (Set-CVEmailServer,
# https://www.powershellgallery.com/packages/CommvaultPowerShell/0.2.18/Content/exports%5CSet-CVEmailServer.ps1)
# confirmed the concepts "sender email address" and "sender name". All other terms follow
# Microsoft's Japanese UI terminology (Microsoft Language Portal conventions and the Microsoft
# Japanese Style Guide; no Microsoft address was read directly, only a third-party copy):
# サインイン, キャンセル, 保存, ユーザー名, パスワード, アクセス トークン, メール アドレス,
# メール サーバー, 暗号化, 認証, 要求, 既定, ブラウザー, フォルダー. Convention: a space inside
# compound katakana terms and between Japanese and Latin text or numbers, as Microsoft writes.
# Google terms as Google's Japanese UI: アプリ パスワード, 2 段階認証プロセス.

## The page and its sign-in, before and after the app runs (index.html, startup/early.js)

page-title = メール サーバー
# The document's title: the page's heading (config.json's `title`, or page-title), then the product.
document-title = { $title } · Command Center
page-lead = Command Center は、このメール サーバーを使用してアラート、スケジュールされたレポート、ログ ファイルを送信します。
sign-in-title = Command Center にサインイン
sign-in-with = サインイン方法
sign-in-mode-user = Command Center ユーザー
sign-in-mode-token = アクセス トークン
button-sign-in = サインイン
button-use-token = このトークンを使用
button-signing-in = サインインしています…
button-cancel = キャンセル
button-show = 表示
button-hide = 非表示
noscript = このページには JavaScript と WebAssembly が必要です。これらを有効にするか、Command Center 本体のコンソールでメール サーバーを構成してください。
portal-connecting-title = ポータルに接続しています…
portal-connecting-waiting = ポータルから Command Center のセッションが引き渡されるのを待っています。
sign-in-reading-settings = ページの設定を読み込んでいます…
field-api-base-url = API ベース URL
field-api-base-url-hint = このブラウザーが Command Center の REST API にアクセスする場所です。通常は同じサーバーの /commandcenter/api です。
field-login-user = ユーザー名
field-login-password = パスワード
field-access-token = アクセス トークン
field-access-token-hint = Command Center で作成した API アクセス トークンまたはキーです。このタブのメモリ内にのみ保持されます。

## Starting the page (startup/early.js)

start-loading = ページを読み込んでいます…
start-starting = ページを起動しています…
start-stalled = 接続が停止しているようです：{ $seconds } 秒間、何も受信していません。残りが届けばページは起動し、入力内容も保持されます。「再読み込み」を選ぶと最初からやり直しになり、入力内容が失われる可能性があります。
start-reload = 再読み込み
start-failed-title = このページを起動できませんでした
start-failed-load = { $url } を読み込めませんでした。
start-failed-load-status = { $url } を読み込めませんでした（HTTP { $status }）。
start-failed-error = エラーで停止しました（{ $error }）。
start-failed-browser = このブラウザーでは実行できません。
start-failed-advice = ページを再読み込みしてください。解決しない場合の原因として、Web サーバーがページのファイルの一部を配信していない、Content-Security-Policy の script-src に 'wasm-unsafe-eval' がない、ブラウザーが古すぎる、が考えられます。このページには Chrome または Edge 97、Firefox 102、Safari 16 以降が必要です。
page-error = このページの内部で問題が発生したため、応答しなくなる可能性があります。ページを再読み込みしてやり直してください。保存済みと表示されたもの以外は、何も保存されていません。（詳細はブラウザーの開発者コンソールに表示されます。）

## config.json

config-problem = { $problem } このページは既定の API ベース URL を使用します。
config-http = config.json を読み込めませんでした（HTTP { $status }）。
config-unavailable = config.json を読み込めませんでした（{ $reason }）。
config-reason-timed-out = { $seconds } 秒以内に応答がありませんでした
config-reason-broke-off = HTTP { $status }、応答が途中で切れました
config-reason-failed = 要求が失敗しました
# $error is the JSON parser's own description of the problem.
config-not-json = config.json が無効です：{ $error }。
config-invalid = config.json が無効です：{ $problem }。
config-api-base-url = apiBaseUrl：{ $error }
config-timeout-range = requestTimeoutSeconds は 1 ～ { $max } にしてください
config-origin = embedding.allowedParentOrigins：「{ $origin }」はオリジンではありません：{ $problem }
config-title-length = title は 1 ～ { $max } 文字にしてください
config-title-line = title は制御文字を含まない 1 行にしてください
config-language = language：「{ $tag }」はこのページの言語ではありません（{ $languages }）
config-theme-type = config.json の themeStylesheet がテキストではありません。このページは独自の配色を使用します。
config-theme-elsewhere = config.json の themeStylesheet「{ $url }」は、このページと同じサーバー上にありません。使用できるのはこのサーバーのスタイルシートだけのため、このページは独自の配色を使用します。
config-theme-failed = config.json の themeStylesheet のスタイルシート「{ $url }」を読み込めませんでした。このページは独自の配色を使用します。
origin-scheme = https:// または http:// で始める必要があります
origin-path = オリジンにはパス、クエリ、フラグメント、ユーザーを含めません：https://host の形式で記述してください
origin-wildcard = ワイルドカードは使用できません：オリジンを 1 つずつ列挙してください
origin-port = https://host または https://host:port の形式で記述してください
origin-default-port = ブラウザーと同様に、スキームの既定のポートは省略してください
origin-host = ホストは小文字の名前または IP アドレスにしてください

## Who is signed in

session-login = { $user } としてサインイン中
session-token = アクセス トークンでサインイン中
session-portal = { $origin } 経由でサインイン中
button-sign-out = サインアウト
button-signing-out = サインアウトしています…

## The language menu

language-label = 言語
language-failed = { $language } のテキストを使用できなかったため、ページは英語のままです（{ $reason }）。もう一度試すには、ページを再読み込みしてください。
language-reason-http = HTTP { $status }
language-reason-unavailable = 要求が失敗しました
language-reason-too-large = ファイルが大きすぎます
language-reason-not-fluent = ファイルは Fluent カタログではありません：{ $error }
language-reason-incomplete = ファイルにメッセージが不足しています（例：{ $ids }）

## The fields: labels and hints

legend-mail-server = メール サーバー
field-provider = プロバイダー
field-provider-hint = プロバイダーのドキュメントに記載されたサーバー、ポート、暗号化を入力します。
provider-other = その他のメール サーバー
provider-microsoft-365 = Microsoft 365（Exchange Online）
provider-google = Google Workspace または Gmail
provider-amazon-ses = Amazon SES、{ $name }（{ $region }）
provider-sendgrid = SendGrid
provider-mailgun = Mailgun（米国）
provider-mailgun-eu = Mailgun（EU）
provider-local-relay = ローカル ネットワーク上のリレー（ポート 25、暗号化なし）
field-smtp-server = SMTP サーバー
field-smtp-server-hint = ホスト名または IP アドレスです。http:// やポートは付けません。
field-smtp-port = SMTP ポート
field-smtp-port-hint = 通常は 25、587（TLS）、465（SSL）のいずれかです。
# When the port is the administrator's or Command Center's, and not the usual one.
field-smtp-port-usual = { $encryption } の通常のポートは { $port } です。
field-encryption = 暗号化
field-encryption-hint = メール サーバーが対応する方式を使用してください。TLS は STARTTLS で接続を暗号化に切り替えます。
encryption-none = なし
encryption-tls = TLS（STARTTLS）
encryption-ssl = SSL
legend-sender = 送信者
field-sender-email = 送信者のメール アドレス
field-sender-email-hint = Command Center が送信するすべてのメールの差出人（From）アドレスです。
field-sender-name = 送信者名
field-sender-name-hint = 受信者に送信者として表示されます（例：バックアップ アラート）。
legend-authentication = 認証
field-authentication = メール サーバーでサインインが必要
field-authentication-hint = サインイン後にのみメールを受け付けるメール サーバーの場合はオンにします。
field-username = ユーザー名
field-password = パスワード
field-password-saved-hint = 新しいパスワードを入力しない限り、保存済みのパスワードが保持されます。
password-withheld-server = サーバーが変更されました。パスワードを再入力してください。保存済みのパスワードは、保存時のサーバーにのみ送信されます。
password-withheld-port = ポートが変更されました。パスワードを再入力してください。保存済みのパスワードは、保存時のサーバーとポートにのみ送信されます。
password-withheld-encryption = 暗号化がオフになりました。暗号化されずにネットワークを通ってもよい場合は、パスワードを再入力してください。保存済みのパスワードは、暗号化された接続でのみ送信されていました。

## A field's warning or note, under it: the settings can still be saved and tested

# The first word of each, so that the two are told apart by more than their colour.
warning-label = 警告：
note-label = 注：
warning-port-465-tls = ポート 465 では SSL（最初から暗号化された接続）が前提です。TLS（STARTTLS）の通常のポートは 587 です。
warning-port-587-ssl = ポート 587 では TLS（STARTTLS）が前提です。SSL の通常のポートは 465 です。
warning-sign-in-unencrypted = 暗号化しないと、ユーザー名とパスワードが読み取れる状態でネットワークを通ります。メール サーバーが対応していれば、TLS または SSL を選択してください。
warning-microsoft-365 = 2026 年 12 月末以降、Exchange Online の既存のテナントでは、パスワードによる SMTP AUTH が既定で無効になっています（再び有効にできます。それ以降に作成されたテナントでは無効です。廃止時期は 2027 年後半に発表される予定です）。Command Center はユーザー名とパスワードしか送信しないため、SMTP リレーまたはコネクタ経由で送信するか、このメールボックスで SMTP AUTH を再び有効にしてもらってください。
note-google-app-password = Google では、ここにはアプリ パスワードしか使用できません。アプリ パスワードは 16 文字で、Google アカウントのセキュリティ設定で作成します。2 段階認証プロセスが必要です。また、職場のアカウントでは、管理者がアプリ パスワードを無効にしている場合があります。
warning-google-app-password = これはアプリ パスワードではありません。Google では、ここにはアプリ パスワードしか使用できません。アプリ パスワードは 16 文字です（スペースは数えません）。2 段階認証プロセスが必要です。また、職場のアカウントでは、管理者がアプリ パスワードを無効にしている場合があります。

## A field's error, under it

required-login-user = Command Center のユーザー名を入力してください。
required-login-password = Command Center のパスワードを入力してください。
required-access-token = アクセス トークンを入力してください。
required-api-base-url = API ベース URL を入力してください（例：/commandcenter/api）。
required-smtp-server = SMTP サーバーの名前または IP アドレスを入力してください。
required-smtp-port = SMTP ポートを 1 ～ 65535 の数値で入力してください。
required-sender-email = 送信者のメール アドレスを入力してください。
required-sender-name = 送信者名を入力してください。
required-username = メール サーバーで使用するユーザー名を入力してください。
required-value = 値を入力してください。
error-too-long = { $max } 文字以内で入力してください。
error-control-character = 改行または制御文字を削除してください。ここでは使用できません。
error-port-not-a-number = 数字のみを使用してください。ポートは 1 ～ 65535 の数値です。
error-port-out-of-range = 1 ～ 65535 のポート番号を入力してください。
error-host-scheme = 「{ $scheme }://」を付けずに、サーバー名のみを入力してください。
error-host-path = パス（「/…」）を付けずに、サーバー名のみを入力してください。
error-host-space = サーバー名にスペースは使用できません。
error-host-port = ポートはサーバー名の後ではなく、「SMTP ポート」フィールドに入力してください。
error-host-character = 「{ $character }」はサーバー名に使用できません。英字、数字、ハイフン、ドットを使用してください。
error-host-not-ascii = 国際化サーバー名は ASCII 形式（「xn--」で始まる形式）で入力してください。
error-host-empty-label = サーバー名は、ドットで始めたり、ドットを 2 つ続けたりできません。
error-host-label-too-long = サーバー名のドットで区切られた各部分は、63 文字以内です。
error-host-label-hyphen = サーバー名の各部分は、ハイフンで始めたり終えたりできません。
error-host-ipv4 = 有効な IPv4 アドレスではありません。192.0.2.25 のように、0 ～ 255 の数値を 4 つ並べてください。
error-host-bracketed-ipv6 = IPv6 アドレスは角かっこを付けずに入力してください。
error-email-missing-at = alerts@example.com のような形式でメール アドレスを入力してください。
error-email-several-at = メール アドレスに含められる「@」は 1 つだけです。
error-email-space = メール アドレスにスペースは使用できません。
error-email-local-part = メール アドレスの「@」より前の部分が無効です。英字、数字、. _ + - を使用し、ドットを 2 つ続けないでください。
error-email-local-part-too-long = メール アドレスの「@」より前の部分は、64 文字以内です。
error-email-domain = 「@」より後の部分は、alerts@example.com のようにドメイン名にしてください。
error-password-missing = このユーザー名のパスワードを入力してください。メール サーバーでサインインが不要な場合は、サインインをオフにしてください。
error-password-for-test = 変更したユーザー名でテストするには、パスワードを入力してください。保存済みのパスワードは、保存済みのユーザー名用です。
error-token-character = アクセス トークンに使われるのは英字、数字、スペース、ASCII の記号のみです。もう一度コピーしてください。
error-base-url = https://、http://、/ のいずれかで始まり、スペース、「?」、「#」を含まないアドレスを入力してください（例：/commandcenter/api）。

## Loading the settings

load-loading = 現在の設定を読み込んでいます…
load-configured = Command Center から現在の設定を読み込みました。
load-not-configured = Command Center にはまだメール サーバーが構成されていません。フォームに入力して保存してください。
load-started-empty = 空のフォームから開始しています。保存すると、メール サーバーが新規に構成されます。
button-load-retry = 再試行
button-load-start-empty = 空のフォームから開始

## Save and Send test email

button-save = 保存
button-saving = 保存しています…
button-discard = 変更を破棄
button-send-test = テスト メールを送信
button-sending = 送信しています…
off-loading = 現在の設定が読み込まれるまで、「保存」と「テスト メールを送信」は使用できません。
off-load-failed = 現在の設定を読み込めなかったため、「保存」は使用できません。上の「再試行」または「空のフォームから開始」を選択してください。
off-saving = 保存が完了するまで、「テスト メールを送信」は使用できません。
off-testing = テスト メールの送信が完了するまで、「保存」は使用できません。
off-unchanged = Command Center の設定と異なる点がないため、「保存」は使用できません。
off-reading = Command Center の設定を読み取るまで、「保存」と「テスト メールを送信」は使用できません。
send-test-note = テスト メールは上の設定を保存せずに使用し、サインイン中の Command Center ユーザーのメール アドレスに送信されます。
send-test-note-to = テスト メールは上の設定を保存せずに使用し、サインイン中の Command Center ユーザーのアドレス { $address } に送信されます。
status-saved = メール サーバーの設定を保存しました。今後、Command Center は { $server }:{ $port } 経由でメールを送信します。
status-saved-reading = Command Center に設定が保持されたことを確認するため、設定を読み戻しています…
status-saved-checked = 保存して確認しました。Command Center にこの設定が保持され、{ $server }:{ $port } 経由でメールを送信します。
# $list: one not-kept-item per setting, separated by semicolons.
status-saved-not-kept = 保存しましたが、送信した内容の一部が Command Center に保持されませんでした：{ $list }。フォームには Command Center の現在の設定が表示されています。
not-kept-item = { $field } は { $sent } として送信されましたが、Command Center では { $kept } です
# $reason: what went wrong, in the words of a failed call.
status-saved-unchecked = 保存しました。確認のための設定の読み戻しはできませんでした：{ $reason }
status-theirs-loaded = 変更を破棄しました。フォームには Command Center の現在の設定が表示されています。
status-saved-elsewhere-loaded = { $count ->
    [0] 別のタブで保存された設定を読み込みました。このページの設定と同じです。
   *[other] 別のタブで保存された設定を読み込みました。{ $count } 件の設定が変更されていました。
}
# $list: one kept-mine-item per setting, separated by semicolons.
status-saved-elsewhere-kept = 別の値を入力していた項目では、入力した値がフォームに残っています：{ $list }。
kept-mine-item = { $field }（保存された値：{ $now }）
status-test-sent = サインイン中の Command Center ユーザーのメール アドレスにテスト メールを送信しました。届かない場合は、そのメールボックスの迷惑メール フォルダーを確認してください。設定は保存されていません。
status-test-sent-to = { $address } にテスト メールを送信しました。届かない場合は、そのメールボックスの迷惑メール フォルダーを確認してください。設定は保存されていません。
status-invalid-save = 強調表示された { $count } 個のフィールドを修正してから保存してください。何も送信されていません。
status-invalid-test = 強調表示された { $count } 個のフィールドを修正してから、テスト メールを送信してください。何も送信されていません。

## Another tab of this page saved

saved-elsewhere = 別のタブで保存されました。Command Center の設定が、このページで読み込んだものと異なる可能性があります。
button-load-saved = 保存された設定を読み込み

## The review before saving

review-title = 変更内容の確認
review-update = Command Center のメール サーバーを更新します（{ $count } 件の設定を変更）。
review-configure = Command Center のメール サーバーを次の { $count } 件の設定で構成します。
review-setting = 設定
review-now = 現在
review-after = 保存後
button-back = フォームに戻る
button-confirm = 確定
button-apply-mine = 自分の変更を現在の設定に適用
button-load-theirs = 自分の変更を破棄して最新の設定を読み込み
button-save-anyway = このまま保存
review-checking = Command Center の設定が、このページで読み込んだときのままか確認しています…
review-waiting = Command Center の現在の設定を読み取り次第、「確定」の処理を続行します…
review-unchanged = Command Center の設定は、このページで読み込んだときから変わっていません。
review-changed-title = このページの読み込み後に Command Center で変更された設定
review-changed-lead = その間に、誰かがこれらの設定を変更しました。自分の変更を適用すると、その変更は維持されます。ただし、自分も変更した設定には自分の値が保存されます。
review-when-loaded = 読み込み時
review-now-there = 現在の Command Center
review-yours = 自分の値
review-both-changed = 双方が変更：自分の値が保存されます
# $reason: what went wrong, in the words of a failed call.
review-check-failed = Command Center の現在の設定を確認できませんでした：{ $reason }
# $field: the setting's label; $error: what is wrong with it.
review-merge-problem = 変更内容をそのまま現在の設定に適用することはできません。{ $field }：{ $error } フォームに戻って修正してください。
value-empty = （空）
value-on = オン
value-off = オフ
password-changed = 変更済み
password-saved = 保存済み
password-saved-elsewhere = 保存済み（保存時のサーバー用）
password-typed-again = 新しい接続用に再入力済み

## Signing in again after a 401

reauth-title = 再度サインイン
reauth-reason = Command Center がトークンを受け付けませんでした（HTTP 401）。セッションの有効期限が切れたか、トークンが取り消されています。続行するには再度サインインしてください。フォームの入力内容は保持され、操作は再試行されます。

## When a call fails: what happened, then what was not done, then what to do

error-unreachable = { $base_url } の Command Center に接続できませんでした（{ $detail }）。API ベース URL を確認し、Command Center（またはその前段のプロキシ）が稼働していること、このコンピューターから接続できることを確認してください。
error-cors = { $base_url } の Command Center からの応答を、ブラウザーがブロックしました。このページのオリジン（{ $page_origin }）からの呼び出しが許可されていません（CORS）。このページを Command Center と同じアドレスから配信する（例：同じリバース プロキシの背後に置く）か、Command Center またはそのプロキシで { $page_origin } に Authtoken ヘッダーと Content-Type ヘッダーを許可してください。
error-csp = このページの Content-Security-Policy が { $origin } への接続を許可していない（{ $directive }）ため、ブラウザーは { $base_url } に要求を送信しませんでした。Web サーバーがこのページと一緒に送信する Content-Security-Policy ヘッダーで { $directive } に { $origin } を追加するか、既に許可されているオリジンの API ベース URL を使用してください。
error-mixed-content = このページは https（{ $page_origin }）で配信されていますが、API ベース URL { $base_url } は http です。このような呼び出しはブラウザーによってブロックされます（混在コンテンツ）。Command Center の https アドレスを使用してください。
error-timed-out = Command Center から { $seconds } 秒以内に応答がありませんでした。ビジー状態か、ファイアウォールや VPN のために到達できない可能性があります。再試行するか、config.json の requestTimeoutSeconds を大きくしてください。
error-cancelled = キャンセルされました。
error-not-sent = ブラウザーが要求を送信できませんでした（{ $detail }）。API ベース URL を確認してください。
error-unauthorized = Command Center がアクセス トークンを受け付けませんでした（HTTP 401）。トークンが正しくないか、有効期限が切れています。再度サインインするか、有効なトークンを貼り付けてください。
error-forbidden = Command Center がアクセスを拒否しました（HTTP 403）。
error-forbidden-said = Command Center がアクセスを拒否しました（HTTP 403）：{ $message }。
advice-forbidden = このユーザーには、メール サーバーの設定を管理する権限がない可能性があります。その権限を持つユーザーとしてサインインしてください。
error-not-found = { $base_url } に Command Center のメール サーバー API が見つかりませんでした（HTTP 404）。
error-not-found-said = { $base_url } に Command Center のメール サーバー API が見つかりませんでした（HTTP 404）：{ $message }。
advice-not-found = API ベース URL を確認してください（通常は /commandcenter/api で終わります）。V4 API のない古い Command Center でも、この応答が返されます。
error-bad-request = Command Center が要求を拒否しました（HTTP 400）。
error-bad-request-said = Command Center が要求を拒否しました（HTTP 400）：{ $message }。
error-rejected-login = Command Center がサインインを拒否しました（エラー コード { $code }）。
error-rejected-login-said = Command Center がサインインを拒否しました：{ $message }（エラー コード { $code }）。
error-rejected-load = Command Center から設定が返されませんでした（エラー コード { $code }）。
error-rejected-load-said = Command Center から設定が返されませんでした：{ $message }（エラー コード { $code }）。
error-rejected-save = Command Center が設定を拒否しました（エラー コード { $code }）。
error-rejected-save-said = Command Center が設定を拒否しました：{ $message }（エラー コード { $code }）。
error-rejected-test = テスト メールの送信に失敗しました（エラー コード { $code }）。
error-rejected-test-said = テスト メールの送信に失敗しました：{ $message }（エラー コード { $code }）。
error-server = Command Center でエラーが発生しました（HTTP { $status }）。
error-server-said = Command Center でエラーが発生しました（HTTP { $status }）：{ $message }。
advice-server = Command Center またはその前段のプロキシに問題があります。数分後に再試行してください。
error-status = Command Center が HTTP { $status } を返しました。
error-status-said = Command Center が HTTP { $status } を返しました：{ $message }。
error-unreadable = 応答（HTTP { $status }）は Command Center の API からのものではありません。API ベース URL が Command Center の API を指していることを確認してください。
# What a proxy's HTML error page is called in place of its markup.
server-html-page = タイトルが「{ $title }」の HTML ページ
consequence-login = サインインしていません。
consequence-load = 現在の設定は読み込まれていません。
consequence-save = 何も保存されていません。
consequence-recheck = 変更内容は、Command Center の現在の設定と比較されていません。
consequence-read-back = Command Center の設定を確認するには、ページを再読み込みしてください。
consequence-test = テスト メールは送信されていません。
# After a timeout or an unreadable answer, the save may have arrived.
consequence-save-unknown = 設定が保存されたかどうかは不明です。ページを再読み込みして確認してください。
consequence-save-cancelled = 要求は既に Command Center に届いている可能性があります。ページを再読み込みして、保存された内容を確認してください。
retry-login = ユーザー名とパスワードを確認して、再試行してください。
retry-load = 再試行するか、空のフォームから開始してください。
retry-save = 設定を修正して、もう一度保存してください。
retry-recheck = 確認せずに変更を送信するには「このまま保存」を選択してください。または、フォームに戻って後でもう一度保存してください。
retry-test = 設定を修正して、テスト メールをもう一度送信してください。
# After a failed test mail whose reply the page knows: what to do about it.
advice-microsoft-smtp-auth-off = Exchange Online は、このテナントまたはメールボックスでパスワードによる SMTP AUTH を拒否しています。このメールボックスで SMTP AUTH を再び有効にしてもらうか、SMTP リレーまたはコネクタ経由で送信してください。
advice-microsoft-not-authenticated = Exchange Online はサインインを求めています。「メール サーバーでサインインが必要」をオンにしてメールボックスのユーザー名とパスワードを入力するか、Command Center のアドレスからのメールを受け付けるコネクタを使用してください。
advice-google-app-password = Google では、アカウントのパスワードではなくアプリ パスワードが必要です。アプリ パスワードを作成し（2 段階認証プロセスが必要です）、パスワードとして入力してください。
advice-google-bad-credentials = Google がユーザー名とパスワードを拒否しました。ユーザー名には完全なメール アドレスを、パスワードにはアプリ パスワードを使用してください。
advice-relay-denied = メール サーバーがこの送信者のメールを中継しません。送信を許可されたアカウントでサインインするか、Command Center のアドレスを受け付けるようリレーを設定するか、サーバー自身のドメインの送信者アドレスを使用してください。
advice-starttls-required = メール サーバーは暗号化された接続を求めています。TLS（STARTTLS）を選択してください（通常はポート 587）。
advice-tls = 暗号化された接続に失敗しました。暗号化方式がポートに合っていること（TLS は 587、SSL は 465）、サーバーの証明書がそのサーバー名に対して有効で、Command Center に信頼されていることを確認してください。
advice-unknown-host = Command Center がこのサーバー名を見つけられませんでした。名前のつづりと、Command Center が使用する DNS がこの名前を解決できることを確認してください。
advice-refused = そのポートで接続を受け付けるものがありませんでした。ポートと暗号化を確認し、Command Center とメール サーバーの間のファイアウォールがブロックしていないことを確認してください。
advice-timed-out = メール サーバーが応答しませんでした。ファイアウォールが接続を破棄しているか、ネットワークでポートがブロックされている可能性があります（ポート 25 は多くのネットワークでブロックされています）。サーバーとポートを確認してください。
login-refused = Command Center がサインインを拒否しました。
login-refused-status = Command Center がサインインを拒否しました（HTTP { $status }）。
login-refused-said = Command Center がサインインを拒否しました：{ $message }。
login-refused-said-code = Command Center がサインインを拒否しました：{ $message }（エラー コード { $code }）。
