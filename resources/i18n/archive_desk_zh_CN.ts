<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AcceptDialog</name>
    <message>
        <source>Scan the slot label or type its code</source>
        <translation>扫描格位标签或输入格位编码</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>存档人</translation>
    </message>
    <message>
        <source>Deposit type</source>
        <translation>存档类型</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>存档单位</translation>
    </message>
    <message>
        <source>Slot (suggested: the nearest free one)</source>
        <translation>格位（已推荐最近的空位）</translation>
    </message>
</context>
<context>
    <name>ArrivalDialog</name>
    <message>
        <source>Scan or type the letter number</source>
        <translation>扫描或输入调档函编号</translation>
    </message>
    <message>
        <source>Envelope and seal intact</source>
        <translation>封皮、密封完好</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>存档人</translation>
    </message>
    <message>
        <source>Came by</source>
        <translation>转递方式</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>运单号/机要编号</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>寄出单位</translation>
    </message>
    <message>
        <source>Letter number</source>
        <translation>调档函编号</translation>
    </message>
    <message>
        <source>Volumes (originals)</source>
        <translation>正本（卷）</translation>
    </message>
    <message>
        <source>Volumes (copies)</source>
        <translation>副本（卷）</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>材料份数</translation>
    </message>
    <message>
        <source>Checker</source>
        <translation>核对人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>A file brought by the holder in person is not accepted: use “Refuse self-carried file” instead.</source>
        <translation>本人自带的档案不予接收：请改用“拒收本人自带档案”。</translation>
    </message>
</context>
<context>
    <name>BulkLocationsDialog</name>
    <message>
        <source>Create storage locations</source>
        <translation>新建库位</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Preview first: nothing is created until you confirm.</source>
        <translation>请先预览：确认之前不会创建任何库位。</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Locations</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>Capacity per slot</source>
        <translation>每格容量</translation>
    </message>
    <message>
        <source>{0} new slot(s) will be created ({1} already exist), capacity {2} each: {3}</source>
        <translation>将新建 {0} 个格位（已有 {1} 个），每格容量 {2}：{3}</translation>
    </message>
    <message>
        <source>Create {0} slot(s)?</source>
        <translation>确定新建 {0} 个格位？</translation>
    </message>
    <message>
        <source>Creating locations…</source>
        <translation>正在新建库位…</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Repeat new password</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>First run — create the administrator</source>
        <translation>首次运行 — 创建系统管理员</translation>
    </message>
    <message>
        <source>This database has no users yet. Create the administrator account; choose a password of at least 10 characters with letters and digits, not a common one. There is no default password.</source>
        <translation>此数据库还没有用户。请创建系统管理员账号，并设置至少10位、同时包含字母和数字、不易被猜中的密码。系统没有默认密码。</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>Create administrator</source>
        <translation>创建管理员</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>HolderDetailPage</name>
    <message>
        <source>Complete: %p%</source>
        <translation>完整度：%p%</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <source>Add family member</source>
        <translation>添加家庭成员</translation>
    </message>
    <message>
        <source>Remove selected member</source>
        <translation>删除选中成员</translation>
    </message>
    <message>
        <source>Family relations</source>
        <translation>家庭成员及社会关系</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>保存 (Ctrl+S)</translation>
    </message>
    <message>
        <source>Back to list</source>
        <translation>返回列表</translation>
    </message>
    <message>
        <source>18 digits (old 15-digit numbers are upgraded)</source>
        <translation>18位（旧15位号码自动升位）</translation>
    </message>
    <message>
        <source>New holder</source>
        <translation>新建存档人</translation>
    </message>
    <message>
        <source>Missing required items: {0}</source>
        <translation>缺少必采信息：{0}</translation>
    </message>
    <message>
        <source>Enter the date as YYYY-MM-DD, e.g. 1990-01-31</source>
        <translation>日期格式应为 年-月-日，例如 1990-01-31</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Not saved: please correct the marked fields.</source>
        <translation>未保存：请更正标红的项目。</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>记录已被他人修改</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
    <message>
        <source>Keep my form</source>
        <translation>保留我的填写</translation>
    </message>
</context>
<context>
    <name>HoldersPage</name>
    <message>
        <source>All holders</source>
        <translation>全部存档人</translation>
    </message>
    <message>
        <source>New holder…</source>
        <translation>新建存档人…</translation>
    </message>
    <message>
        <source>All holders: {0} (loaded {1})</source>
        <translation>全部存档人：{0} 人（已载入 {1}）</translation>
    </message>
    <message>
        <source>Search “{0}”: {1} found</source>
        <translation>检索“{0}”：找到 {1} 人</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Welcome, {0} ({1})</source>
        <translation>欢迎，{0}（{1}）</translation>
    </message>
    <message>
        <source>Counting holders…</source>
        <translation>正在统计存档人…</translation>
    </message>
    <message>
        <source>Transfer request letters awaiting arrival</source>
        <translation>待到档的调档函</translation>
    </message>
    <message>
        <source>valid until {0}</source>
        <translation>有效期至 {0}</translation>
    </message>
    <message>
        <source>  (expired)</source>
        <translation>（已过期）</translation>
    </message>
    <message>
        <source>arrived {0}</source>
        <translation>{0} 到档</translation>
    </message>
    <message>
        <source>due {0}</source>
        <translation>{0} 到期</translation>
    </message>
    <message>
        <source>  (overdue)</source>
        <translation>（已逾期）</translation>
    </message>
    <message>
        <source>Nothing here today.</source>
        <translation>今日无待办。</translation>
    </message>
    <message>
        <source>Arrivals to check</source>
        <translation>待核对的到档</translation>
    </message>
    <message>
        <source>Missing-materials notices due</source>
        <translation>到期的缺件告知承诺</translation>
    </message>
    <message>
        <source>Holders on record: {0:,}</source>
        <translation>在册存档人：{0:,} 人</translation>
    </message>
</context>
<context>
    <name>IntakeDialogs</name>
    <message>
        <source>Issue a transfer request letter</source>
        <translation>开具调档函</translation>
    </message>
    <message>
        <source>Record an arrival</source>
        <translation>到档登记</translation>
    </message>
    <message>
        <source>Accept the file</source>
        <translation>接收入库</translation>
    </message>
    <message>
        <source>Missing-materials notice</source>
        <translation>缺件告知承诺书</translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <source>Holder: name, ID number or file number</source>
        <translation>存档人：姓名、身份证号或档案编号</translation>
    </message>
    <message>
        <source>New holder…</source>
        <translation>新建存档人…</translation>
    </message>
    <message>
        <source>Issued documents…</source>
        <translation>已出具文书…</translation>
    </message>
    <message>
        <source>No holder chosen.</source>
        <translation>尚未选定存档人。</translation>
    </message>
    <message>
        <source>Issue 调档函…</source>
        <translation>开具调档函…</translation>
    </message>
    <message>
        <source>Arrival…</source>
        <translation>到档登记…</translation>
    </message>
    <message>
        <source>Refuse self-carried file…</source>
        <translation>拒收本人自带档案…</translation>
    </message>
    <message>
        <source>缺件告知…</source>
        <translation>缺件告知…</translation>
    </message>
    <message>
        <source>Accept…</source>
        <translation>接收入库…</translation>
    </message>
    <message>
        <source>Return to sender…</source>
        <translation>退回原单位…</translation>
    </message>
    <message>
        <source>Letter number</source>
        <translation>调档函编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Addressee</source>
        <translation>收件单位</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>到档时间</translation>
    </message>
    <message>
        <source>Notice number</source>
        <translation>告知书编号</translation>
    </message>
    <message>
        <source>Missing items</source>
        <translation>所缺材料</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>补交期限</translation>
    </message>
    <message>
        <source>Print letter…</source>
        <translation>打印调档函…</translation>
    </message>
    <message>
        <source>Cancel letter…</source>
        <translation>作废调档函…</translation>
    </message>
    <message>
        <source>Print notice…</source>
        <translation>打印告知书…</translation>
    </message>
    <message>
        <source>Materials supplied</source>
        <translation>材料已补齐</translation>
    </message>
    <message>
        <source>Awaiting arrival</source>
        <translation>待到档</translation>
    </message>
    <message>
        <source>Arrived, to accept</source>
        <translation>已到档待入库</translation>
    </message>
    <message>
        <source>Open notices</source>
        <translation>未办结的缺件告知</translation>
    </message>
    <message>
        <source>Holder: {0}</source>
        <translation>存档人：{0}</translation>
    </message>
    <message>
        <source>New holder</source>
        <translation>新建存档人</translation>
    </message>
    <message>
        <source>Refuse self-carried file</source>
        <translation>拒收本人自带档案</translation>
    </message>
    <message>
        <source>Files are accepted only by 机要, EMS or 专人送取. Note for the record:</source>
        <translation>档案只能通过机要、EMS或专人送取转递。请填写拒收备注：</translation>
    </message>
    <message>
        <source>Refusal recorded for {0}.</source>
        <translation>已记录拒收：{0}。</translation>
    </message>
    <message>
        <source>Return to sender</source>
        <translation>退回原单位</translation>
    </message>
    <message>
        <source>Essential item missing:</source>
        <translation>所缺重要材料：</translation>
    </message>
    <message>
        <source>Return the file of {0} to its sender? This is recorded and cannot be undone here.</source>
        <translation>将{0}的档案退回原单位？此操作将被记录，不能在此撤销。</translation>
    </message>
    <message>
        <source>Awaiting arrival ({0})</source>
        <translation>待到档（{0}）</translation>
    </message>
    <message>
        <source>Arrived, to accept ({0})</source>
        <translation>已到档待入库（{0}）</translation>
    </message>
    <message>
        <source>Open notices ({0})</source>
        <translation>未办结的缺件告知（{0}）</translation>
    </message>
    <message>
        <source>Cancel letter</source>
        <translation>作废调档函</translation>
    </message>
    <message>
        <source>Why is {0} cancelled?</source>
        <translation>{0} 的作废原因：</translation>
    </message>
    <message>
        <source>Letter {0} cancelled.</source>
        <translation>调档函 {0} 已作废。</translation>
    </message>
    <message>
        <source>Notice {0} closed.</source>
        <translation>告知书 {0} 已办结。</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <source>Preparing the document…</source>
        <translation>正在生成文书…</translation>
    </message>
</context>
<context>
    <name>IssueLetterDialog</name>
    <message>
        <source>Holder</source>
        <translation>存档人</translation>
    </message>
    <message>
        <source>Current custodian (addressee)</source>
        <translation>原存档机构（收件单位）</translation>
    </message>
</context>
<context>
    <name>IssuedDocumentsDialog</name>
    <message>
        <source>Issued documents</source>
        <translation>已出具文书</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>存档人</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>出具时间</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>出具人</translation>
    </message>
    <message>
        <source>Reprints</source>
        <translation>重印次数</translation>
    </message>
    <message>
        <source>Reprint…</source>
        <translation>重印…</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <source>Preparing the document…</source>
        <translation>正在生成文书…</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in — ArchiveDesk</source>
        <translation>登录 — 档案工作台</translation>
    </message>
    <message>
        <source>ArchiveDesk</source>
        <translation>档案工作台</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>ArchiveDesk — personnel files</source>
        <translation>档案工作台 · 流动人员人事档案</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>Database: {0}</source>
        <translation>数据库：{0}</translation>
    </message>
    <message>
        <source>The database cannot be opened: {0}</source>
        <translation>无法打开数据库：{0}</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>Change the reset password before you start work.</source>
        <translation>密码已被重置，须先修改密码才能开始工作。</translation>
    </message>
    <message>
        <source>An administrator reset your password: choose a new one to continue.</source>
        <translation>管理员已重置您的密码，请设置新密码后继续。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>ArchiveDesk — {0}</source>
        <translation>档案工作台 — {0}</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <source>Holders</source>
        <translation>存档人</translation>
    </message>
    <message>
        <source>Intake</source>
        <translation>档案接收</translation>
    </message>
    <message>
        <source>Storeroom</source>
        <translation>库房</translation>
    </message>
    <message>
        <source>Stocktake</source>
        <translation>盘点</translation>
    </message>
    <message>
        <source>Review queue</source>
        <translation>审核队列</translation>
    </message>
    <message>
        <source>Applications pulled from the provincial portal will wait here for review.</source>
        <translation>从省网上办事平台拉取的申请将在此等待审核。</translation>
    </message>
    <message>
        <source>Registers</source>
        <translation>台账</translation>
    </message>
    <message>
        <source>Intake, transfer-out, loan, certificate and agreement registers, printable and exportable to Excel, will be here.</source>
        <translation>接收、转出、借阅、证明、协议等台账将在此打印或导出为 Excel。</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Files by status, deposit type and unit, monthly flows and overdue lists will be here.</source>
        <translation>将在此按状态、存档类型、单位统计档案，并显示每月进出和逾期清单。</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>检索</translation>
    </message>
    <message>
        <source>Search: name, pinyin (zw), ID number or its last digits, file number, scan…</source>
        <translation>检索：姓名、拼音（如 zw）、身份证号或末几位、档案编号，或直接扫码…</translation>
    </message>
    <message>
        <source>Search </source>
        <translation>检索 </translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New holder…</source>
        <translation>新建存档人(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Back up database…</source>
        <translation>备份数据库(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>Search box</source>
        <translation>检索框</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>账号(&amp;A)</translation>
    </message>
    <message>
        <source>Change &amp;password…</source>
        <translation>修改密码(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About ArchiveDesk</source>
        <translation>关于档案工作台(&amp;A)</translation>
    </message>
    <message>
        <source>User: {0} ({1})</source>
        <translation>用户：{0}（{1}）</translation>
    </message>
    <message>
        <source>Back up database</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <source>Backed up to {0}</source>
        <translation>已备份到 {0}</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>Password changed.</source>
        <translation>密码已修改。</translation>
    </message>
    <message>
        <source>About ArchiveDesk</source>
        <translation>关于档案工作台</translation>
    </message>
    <message>
        <source>ArchiveDesk {0}
Personnel files of floating personnel.</source>
        <translation>档案工作台 {0}
流动人员人事档案管理。</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <source>Move files</source>
        <translation>移库</translation>
    </message>
    <message>
        <source>Scan a file, then the slot it goes to</source>
        <translation>先扫档案，再扫目标格位</translation>
    </message>
    <message>
        <source>Scan a file number.</source>
        <translation>请扫描档案编号。</translation>
    </message>
    <message>
        <source>File number</source>
        <translation>档案编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>From</source>
        <translation>原库位</translation>
    </message>
    <message>
        <source>To</source>
        <translation>新库位</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>确认移库</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Scan the file first, then the slot.</source>
        <translation>请先扫档案，再扫格位。</translation>
    </message>
    <message>
        <source>Scan the next file, or preview.</source>
        <translation>请扫下一份档案，或点预览。</translation>
    </message>
    <message>
        <source>File {0}: now scan the slot.</source>
        <translation>档案 {0}：请扫描目标格位。</translation>
    </message>
    <message>
        <source>{0} move(s), {1} with problems.</source>
        <translation>共 {0} 项移库，其中 {1} 项有问题。</translation>
    </message>
    <message>
        <source>{0} move(s) ready.</source>
        <translation>共 {0} 项移库，可以执行。</translation>
    </message>
    <message>
        <source>Move {0} file(s) now ({1})?</source>
        <translation>现在移动 {0} 份档案（{1}）？</translation>
    </message>
</context>
<context>
    <name>MoveLogDialog</name>
    <message>
        <source>Move log</source>
        <translation>移库记录</translation>
    </message>
    <message>
        <source>File number</source>
        <translation>档案编号</translation>
    </message>
    <message>
        <source>Destination code prefix</source>
        <translation>目标库位编码前缀</translation>
    </message>
    <message>
        <source>All reasons</source>
        <translation>全部原因</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>From</source>
        <translation>原库位</translation>
    </message>
    <message>
        <source>To</source>
        <translation>新库位</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>经办人</translation>
    </message>
</context>
<context>
    <name>NameReadingsBox</name>
    <message>
        <source>Readings of rare name characters</source>
        <translation>生僻字读音</translation>
    </message>
    <message>
        <source>Character</source>
        <translation>字</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>读音</translation>
    </message>
    <message>
        <source>Added by</source>
        <translation>添加人</translation>
    </message>
    <message>
        <source>Character, e.g. 𠮷</source>
        <translation>生僻字，如 𠮷</translation>
    </message>
    <message>
        <source>Pinyin, e.g. jí or ji2</source>
        <translation>拼音，如 jí 或 ji2</translation>
    </message>
    <message>
        <source>Add reading</source>
        <translation>添加读音</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>删除所选</translation>
    </message>
    <message>
        <source>Characters are found by themselves always; add a reading so that a name is also found by its pinyin initials.</source>
        <translation>姓名总能按字本身检索到；为生僻字添加读音后，也能按拼音首字母检索。</translation>
    </message>
    <message>
        <source>Saved; search keys of {0} holder(s) rewritten.</source>
        <translation>已保存；已重建 {0} 位存档人的检索键。</translation>
    </message>
    <message>
        <source>Removed; search keys of {0} holder(s) rewritten.</source>
        <translation>已删除；已重建 {0} 位存档人的检索键。</translation>
    </message>
</context>
<context>
    <name>NoticeDialog</name>
    <message>
        <source>One missing item per line</source>
        <translation>每行一项所缺材料</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>存档人</translation>
    </message>
    <message>
        <source>Missing items</source>
        <translation>所缺材料</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>补交期限</translation>
    </message>
    <message>
        <source>Commitment</source>
        <translation>承诺内容</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>{0} page(s)</source>
        <translation>共 {0} 页</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <source>File number</source>
        <translation>档案编号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>存放位置</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>This desk</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>Language (after restart)</source>
        <translation>界面语言（重启后生效）</translation>
    </message>
    <message>
        <source>Office settings (stored in the database)</source>
        <translation>机构设置（保存在数据库中）</translation>
    </message>
    <message>
        <source>Save office settings</source>
        <translation>保存机构设置</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>The new language is used from the next start.</source>
        <translation>新的界面语言将在下次启动时生效。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>StocktakePage</name>
    <message>
        <source>Location code prefix, e.g. K01-Q01-L004</source>
        <translation>库位编码前缀，如 K01-Q01-L004</translation>
    </message>
    <message>
        <source>Start stocktake</source>
        <translation>开始盘点</translation>
    </message>
    <message>
        <source>No stocktake running.</source>
        <translation>没有进行中的盘点。</translation>
    </message>
    <message>
        <source>Scan a slot label, then every file found there</source>
        <translation>先扫格位标签，再扫该格内的每份档案</translation>
    </message>
    <message>
        <source>File number</source>
        <translation>档案编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>盘点结果</translation>
    </message>
    <message>
        <source>Recorded at</source>
        <translation>登记库位</translation>
    </message>
    <message>
        <source>Found at</source>
        <translation>实际库位</translation>
    </message>
    <message>
        <source>Show results</source>
        <translation>查看结果</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>结束盘点</translation>
    </message>
    <message>
        <source>Report…</source>
        <translation>报告…</translation>
    </message>
    <message>
        <source>Apply corrections…</source>
        <translation>应用更正…</translation>
    </message>
    <message>
        <source>Stocktake {0} of {1}: {2} file(s) expected.</source>
        <translation>盘点 {0}：{1}，应有档案 {2} 份。</translation>
    </message>
    <message>
        <source>Slot {0}: scan its files.</source>
        <translation>格位 {0}：请扫描格内档案。</translation>
    </message>
    <message>
        <source>Scan the slot label first.</source>
        <translation>请先扫描格位标签。</translation>
    </message>
    <message>
        <source> Finished.</source>
        <translation> 已结束。</translation>
    </message>
    <message>
        <source>Stocktake report</source>
        <translation>盘点报告</translation>
    </message>
    <message>
        <source>Report written to {0}</source>
        <translation>报告已保存到 {0}</translation>
    </message>
    <message>
        <source>Nothing to correct.</source>
        <translation>没有需要更正的项目。</translation>
    </message>
    <message>
        <source>Apply corrections</source>
        <translation>应用更正</translation>
    </message>
    <message>
        <source>Move {0} file(s) to where they were found?
{1}</source>
        <translation>把 {0} 份档案的登记库位改为实际找到的位置？
{1}</translation>
    </message>
    <message>
        <source>{0} correction(s) applied as moves.</source>
        <translation>已按移库记录更正 {0} 项。</translation>
    </message>
</context>
<context>
    <name>StoreroomPage</name>
    <message>
        <source>Location</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>Choose a shelf (列) on the left.</source>
        <translation>请在左侧选择一列密集架。</translation>
    </message>
    <message>
        <source>Side {0}</source>
        <translation>{0}面</translation>
    </message>
    <message>
        <source>Create locations…</source>
        <translation>新建库位…</translation>
    </message>
    <message>
        <source>Move files…</source>
        <translation>移库…</translation>
    </message>
    <message>
        <source>Print slot labels…</source>
        <translation>打印库位标签…</translation>
    </message>
    <message>
        <source>Print file labels of the cell…</source>
        <translation>打印所选格档案标签…</translation>
    </message>
    <message>
        <source>Retire location…</source>
        <translation>停用库位…</translation>
    </message>
    <message>
        <source>Stocktake this shelf…</source>
        <translation>盘点此列…</translation>
    </message>
    <message>
        <source>Move log</source>
        <translation>移库记录</translation>
    </message>
    <message>
        <source>Files in the chosen cell</source>
        <translation>所选格内的档案</translation>
    </message>
    <message>
        <source> (retired)</source>
        <translation>（已停用）</translation>
    </message>
    <message>
        <source>{0}: {1} files in {2} slots (capacity {3})</source>
        <translation>{0}：{2} 个格位存放 {1} 份档案（容量 {3}）</translation>
    </message>
    <message>
        <source>Section {0}</source>
        <translation>{0}节</translation>
    </message>
    <message>
        <source>Layer {0}</source>
        <translation>{0}层</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>Choose a shelf (列) first.</source>
        <translation>请先选择一列。</translation>
    </message>
    <message>
        <source>Slot labels</source>
        <translation>库位标签</translation>
    </message>
    <message>
        <source>Click a cell with files first.</source>
        <translation>请先点击有档案的格。</translation>
    </message>
    <message>
        <source>File labels</source>
        <translation>档案标签</translation>
    </message>
    <message>
        <source>Preparing labels…</source>
        <translation>正在生成标签…</translation>
    </message>
    <message>
        <source>Choose a location in the tree first.</source>
        <translation>请先在左侧选择库位。</translation>
    </message>
    <message>
        <source>Retire location</source>
        <translation>停用库位</translation>
    </message>
    <message>
        <source>Retire {0} and everything under it? Only an empty location can be retired.</source>
        <translation>停用 {0} 及其下所有库位？只有空库位才能停用。</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>新建用户</translation>
    </message>
    <message>
        <source>Create user</source>
        <translation>创建用户</translation>
    </message>
    <message>
        <source>Initial password</source>
        <translation>初始密码</translation>
    </message>
    <message>
        <source>Selected user</source>
        <translation>所选用户</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>New password (changed at next sign-in)</source>
        <translation>新密码（下次登录时须修改）</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>更改角色</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Disable…</source>
        <translation>停用…</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>must change password</source>
        <translation>须改密码</translation>
    </message>
    <message>
        <source>User {0} created.</source>
        <translation>用户{0}已创建。</translation>
    </message>
    <message>
        <source>Password of {0} reset: it must be changed at the next sign-in.</source>
        <translation>{0}的密码已重置，下次登录时须修改。</translation>
    </message>
    <message>
        <source>Role of {0} changed.</source>
        <translation>{0}的角色已更改。</translation>
    </message>
    <message>
        <source>{0} locked.</source>
        <translation>{0}已锁定。</translation>
    </message>
    <message>
        <source>{0} unlocked.</source>
        <translation>{0}已解锁。</translation>
    </message>
    <message>
        <source>Disable user</source>
        <translation>停用用户</translation>
    </message>
    <message>
        <source>Disable {0}? They can no longer sign in; the account and its audit trail are kept.</source>
        <translation>停用{0}？停用后不能再登录；账号及其审计记录仍然保留。</translation>
    </message>
    <message>
        <source>{0} disabled.</source>
        <translation>{0}已停用。</translation>
    </message>
</context>
<context>
    <name>_HolderColumns</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>File number</source>
        <translation>档案编号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Unexpected error: {0}</source>
        <translation>意外错误：{0}</translation>
    </message>
    <message>
        <source>ArchiveDesk</source>
        <translation>档案工作台</translation>
    </message>
</context>
<context>
    <name>tasks</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>
