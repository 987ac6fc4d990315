/*
 * Every sentence the channel adapters themselves say to a resident (the answers come from the
 * conversation core). Natural, polite Vietnamese; "bạn" as in the rest of the assistant.
 */
export const TEXTS = {
  welcome:
    'Xin chào! Tôi là Trợ lý Một cửa. Tôi giúp bạn tìm hiểu thủ tục hành chính: cần giấy tờ gì, nộp ở đâu, lệ phí và thời gian giải quyết.\n\n' +
    'Bạn cứ gõ câu hỏi như khi hỏi cán bộ, có dấu hay không dấu đều được, ví dụ: “làm giấy khai sinh cho con”.',
  help:
    'Cách dùng trợ lý:\n' +
    '• Gõ câu hỏi về thủ tục, ví dụ: “đăng ký kết hôn cần giấy tờ gì”.\n' +
    '• /thutuc <câu hỏi>: hỏi về một thủ tục.\n' +
    '• /hoso <mã hồ sơ> <4 số cuối điện thoại>: xem tình trạng hồ sơ đã nộp.\n' +
    '• /dangky: nhận thông báo của thôn/xã qua tin nhắn này; /huy: thôi nhận.\n' +
    '• /lienket <mã>: nhận thông báo về hồ sơ của bạn tại đây (mã lấy trong ứng dụng khi nộp hồ sơ).\n' +
    '• /help: xem lại hướng dẫn này.\n\n' +
    'Thông tin lấy từ Cổng Dịch vụ công quốc gia; khi cần chắc chắn, bạn hỏi thêm Bộ phận Một cửa nơi nộp hồ sơ.',
  thutucUsage: 'Bạn gõ câu hỏi ngay sau lệnh nhé, ví dụ: /thutuc làm giấy khai sinh cho con',
  hosoUsage:
    'Để xem tình trạng hồ sơ, bạn gõ: /hoso <mã hồ sơ> <4 số cuối số điện thoại đã khai khi nộp>\nVí dụ: /hoso ABC23DEF 1234',
  hosoUnavailable:
    'Hiện trợ lý chưa tra cứu được tình trạng hồ sơ. Bạn vui lòng liên hệ Bộ phận Một cửa nơi đã nộp hồ sơ để được hỏi trực tiếp nhé.',
  hosoNotFound:
    'Không tìm thấy hồ sơ khớp với mã và 4 số cuối điện thoại bạn gửi. Bạn kiểm tra lại mã hồ sơ (in trên giấy biên nhận) và số điện thoại đã khai khi nộp nhé.',
  hosoBusy: 'Hệ thống tra cứu hồ sơ đang bận. Bạn thử lại sau ít phút nhé.',
  hosoTooMany: 'Bạn đã tra cứu nhiều lần liên tiếp. Vui lòng đợi vài phút rồi thử lại nhé.',
  unknownCommand: 'Tôi chưa hiểu lệnh này. Gõ /help để xem các lệnh tôi hỗ trợ nhé.',
  tooFast: 'Bạn gửi nhanh quá, tôi chưa kịp trả lời. Bạn đợi một chút rồi gửi tiếp giúp tôi nhé.',
  failure:
    'Xin lỗi bạn, tôi đang gặp trục trặc nên chưa trả lời được. Bạn thử lại sau ít phút, hoặc liên hệ Bộ phận Một cửa để được hỗ trợ nhé.',
  textOnly: 'Hiện tôi chỉ đọc được tin nhắn chữ. Bạn gõ câu hỏi giúp tôi nhé.',
  pickByNumber: 'Bạn trả lời bằng số để chọn:',
  moreHint: 'Gõ “xem thêm” để xem đầy đủ thông tin về thủ tục này.',
  moreButton: 'Xem thêm',
  /** Button (Telegram) or line (Zalo) opening the mini-app at the procedure's form. */
  applyButton: 'Nộp hồ sơ',
  applyLine: 'Nộp hồ sơ trực tuyến:',
  sourcePrefix: 'Nguồn:',
  linkUsage:
    'Để nhận thông báo hồ sơ tại đây, bạn lấy mã liên kết trong Mini App Một cửa (mục "Nhận thông báo") rồi gửi: /lienket <mã liên kết>',
  linkUnavailable:
    'Hiện chưa liên kết được để nhận thông báo hồ sơ qua kênh này. Bạn theo dõi hồ sơ trong Mini App Một cửa nhé.',
} as const;
