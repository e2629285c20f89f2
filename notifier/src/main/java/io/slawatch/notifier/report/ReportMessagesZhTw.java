package io.slawatch.notifier.report;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.Message;

/** {@link ReportMessages} in Traditional Chinese. */
@Localized("zh-TW")
public interface ReportMessagesZhTw extends ReportMessages {
  @Override
  @Message("服務水準報告 {period}：{customer}")
  String subject(String period, String customer);

  @Override
  @Message("{customer} 的服務水準報告")
  String title(String customer);

  @Override
  @Message("期間：{from} 至 {to}（{zone}）。每項承諾計入其計時開始的期間。")
  String period(String from, String to, String zone);

  @Override
  @Message("準時履行的承諾：{percent}%（{decided} 項中的 {met} 項）。")
  String overall(String percent, String met, String decided);

  @Override
  @Message("本期間內沒有到期的承諾。")
  String noneDecided();

  @Override
  @Message("依優先順序的承諾")
  String commitments();

  @Override
  @Message("優先順序")
  String priority();

  @Override
  @Message("承諾")
  String clock();

  @Override
  @Message("已履行")
  String met();

  @Override
  @Message("延遲履行")
  String metLate();

  @Override
  @Message("未履行")
  String breached();

  @Override
  @Message("進行中")
  String open();

  @Override
  @Message("準時率")
  String compliance();

  @Override
  @Message("首次回應（中位數／90%）")
  String firstResponse();

  @Override
  @Message("未履行的承諾（{count}）")
  String missedHeading(String count);

  @Override
  @Message("沒有未履行的承諾。")
  String noneMissed();

  @Override
  @Message("工單")
  String ticket();

  @Override
  @Message("到期")
  String due();

  @Override
  @Message("逾時")
  String late();

  @Override
  @Message("另有 {count} 項列於附加的 CSV 檔案。")
  String more(String count);

  @Override
  @Message("附加的 CSV 檔案包含所有數據及所有未履行的承諾。")
  String attachments();

  @Override
  @Message("方案 {plan}。由 slawatch 寄送。")
  String footer(String plan);

  @Override
  @Message("專業服務")
  String engagementsHeading();

  @Override
  @Message("依服務政策購買的專業服務，與工單分開計算：每項義務計入其開始的期間。")
  String engagementsNote();

  @Override
  @Message("義務")
  String obligation();

  @Override
  @Message("服務")
  String engagement();

  @Override
  @Message("於購買後一年內完成")
  String obligationExpiry();

  @Override
  @Message("聯絡嘗試未獲回應（風險）")
  String obligationForfeitRisk();

  @Override
  @Message("未提前 5 個工作天變更預約")
  String obligationLateNotice();

  @Override
  @Message("排定開始後 20 分鐘內未開始（缺席）")
  String obligationNoShow();

  @Override
  @Message("未履行的服務義務（{count}）")
  String engagementsMissedHeading(String count);
}
