package io.slawatch.notifier.channel.text;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.Message;

/** {@link AlertMessages} in traditional Chinese (Taiwan). */
@Localized("zh-TW")
public interface AlertMessagesZhTw extends AlertMessages {
  @Override
  @Message("SLA 警告：工單 {ticket} 的{clock}時限已使用 {percent}%（{priority}，{customer}）")
  String warning(String percent, String clock, String ticket, String priority, String customer);

  @Override
  @Message("工單 {ticket} 需要更新進度（{priority}，{customer}）")
  String updateDue(String ticket, String priority, String customer);

  @Override
  @Message("SLA 違反：工單 {ticket} 的{clock}已逾期（{priority}，{customer}）")
  String breached(String clock, String ticket, String priority, String customer);

  @Override
  @Message("SLA 達成：工單 {ticket} 的{clock}（{priority}，{customer}）")
  String met(String clock, String ticket, String priority, String customer);

  @Override
  @Message("工單")
  String ticket();

  @Override
  @Message("客戶")
  String customer();

  @Override
  @Message("方案")
  String plan();

  @Override
  @Message("優先順序")
  String priority();

  @Override
  @Message("承諾")
  String commitment();

  @Override
  @Message("{target}內完成{clock}")
  String commitmentValue(String clock, String target);

  @Override
  @Message("到期時間")
  String due();

  @Override
  @Message("原到期時間")
  String wasDue();

  @Override
  @Message("已使用")
  String used();

  @Override
  @Message("耗時")
  String took();

  @Override
  @Message("升級層級")
  String level();

  @Override
  @Message("確認")
  String acknowledge();

  @Override
  @Message("工單連結")
  String ticketLink();

  @Override
  @Message("首次回應")
  String firstResponse();

  @Override
  @Message("後續回應")
  String nextResponse();

  @Override
  @Message("進度更新")
  String update();

  @Override
  @Message("解決")
  String resolution();

  @Override
  @Message("SLA 結束：工單 {ticket} 的{clock}（{priority}，{customer}）：{outcome}")
  String ended(String clock, String ticket, String priority, String customer, String outcome);

  @Override
  @Message("逾期 {late} 後達成")
  String endedMetLate(String late);

  @Override
  @Message("工單已解決")
  String endedSolved();

  @Override
  @Message("工單已關閉")
  String endedClosed();

  @Override
  @Message("優先順序或方案變更已移除此時限")
  String endedRemoved();

  @Override
  @Message("結果")
  String outcome();

  @Override
  @Message("逾期")
  String late();

  @Override
  @Message("客戶語言")
  String customerLanguage();

  @Override
  @Message("客戶當地時間")
  String customerTime();

  @Override
  @Message("{n} 小時")
  String hours(long n);

  @Override
  @Message("{n} 分鐘")
  String minutes(long n);

  @Override
  @Message("{n} 秒")
  String seconds(long n);

  @Override
  @Message("服務 {engagement}（{customer}）：{obligation}，{detail}")
  String engagementAlert(String engagement, String customer, String obligation, String detail);

  @Override
  @Message("服務")
  String engagement();

  @Override
  @Message("到期")
  String expiry();

  @Override
  @Message("喪失風險")
  String forfeitRisk();

  @Override
  @Message("通知過晚")
  String lateNotice();

  @Override
  @Message("未出席")
  String noShow();

  @Override
  @Message("工作階段在 {start} 後 {minutes} 分鐘仍未開始")
  String noShowDetail(long minutes, String start);

  @Override
  @Message("預約的變更或取消通知少於 {days} 個工作天（期限 {deadline}）")
  String lateNoticeDetail(int days, String deadline);

  @Override
  @Message("{attempts} 次聯絡嘗試皆無回應：服務可能喪失")
  String forfeitRiskDetail(int attempts);

  @Override
  @Message("購買的服務於 {expiresAt} 到期而未完成")
  String expiryDetail(String expiresAt);

  @Override
  @Message("已過一年的 {percent}%，服務將於 {expiresAt} 到期")
  String expiryWarningDetail(String percent, String expiresAt);

  @Override
  @Message("已達成")
  String engagementMet();

  @Override
  @Message("預約已變更或取消")
  String endedBookingMoved();

  @Override
  @Message("SLA 違反：{customers} 的 {tickets}{clock}已逾期")
  String groupBreached(String tickets, String customers, String clock);

  @Override
  @Message("SLA 警告：{customers} 的 {tickets}{clock}時限將至")
  String groupWarning(String tickets, String customers, String clock);

  @Override
  @Message("{customers} 的 {tickets}需要更新進度")
  String groupUpdateDue(String tickets, String customers);

  @Override
  @Message("{count} 張工單")
  String ticketCount(int count);

  @Override
  @Message("{headline}：{tickets}")
  String listed(String headline, String tickets);

  @Override
  @Message("及另外 {n} 張")
  String andMore(int n);

  @Override
  @Message("工單")
  String tickets();
}
