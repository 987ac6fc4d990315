import { deskLine, type DeskContact } from '../knowledge/index.js';

/* Every user-facing sentence of the conversation core, in one place. */

export const texts = {
  greeting: (desk: DeskContact) =>
    [
      'Xin chào! Tôi là Trợ lý Một cửa 👋',
      'Tôi giúp bạn tìm thủ tục hành chính và cho biết cần giấy tờ gì, lệ phí, thời gian, nộp ở đâu, có làm trực tuyến được không.',
      'Bạn cứ hỏi tự nhiên, có dấu hay không dấu đều được, ví dụ: "làm giấy khai sinh cho con", "xin giấy xác nhận độc thân", "đăng ký thường trú cần gì".',
      `Cần gặp cán bộ: ${deskLine(desk)}.`,
    ].join('\n'),
  desk: (desk: DeskContact) =>
    [
      `Bộ phận tiếp nhận và trả kết quả: ${deskLine(desk)}.`,
      desk.phone
        ? ''
        : 'Số điện thoại của xã chưa được cấu hình trong trợ lý; bạn xem trên Cổng thông tin của xã/phường nhé.',
      'Nhiều thủ tục cũng nộp được trực tuyến trên Cổng Dịch vụ công quốc gia (dichvucong.gov.vn) hoặc ứng dụng VNeID.',
    ]
      .filter(Boolean)
      .join('\n'),
  thanks: 'Không có gì ạ! Bạn cần hỏi thêm thủ tục nào cứ nhắn cho tôi nhé.',
  bye: 'Chào bạn, chúc bạn làm thủ tục thuận lợi!',
  sensitive:
    '⚠️ Xin đừng gửi mã OTP, mật khẩu, mã PIN hay số tài khoản ngân hàng cho bất kỳ ai, kể cả trợ lý này. Cán bộ và Cổng Dịch vụ công không bao giờ hỏi những thông tin đó qua tin nhắn. Nếu đã lỡ gửi cho người lạ, bạn hãy đổi mật khẩu và báo ngân hàng ngay.',
  empty: 'Bạn hãy gõ câu hỏi về thủ tục cần làm, ví dụ: "đăng ký kết hôn cần giấy tờ gì".',
  tooLong:
    'Tin nhắn dài quá, tôi chỉ đọc được phần đầu và phần cuối. Nếu tôi hiểu chưa đúng, bạn hãy hỏi ngắn gọn tên việc cần làm, ví dụ: "làm căn cước cho con".',
  unreadable:
    'Xin lỗi, tôi chưa đọc được tin nhắn này. Bạn hãy gõ câu hỏi bằng chữ, ví dụ: "xin giấy xác nhận tình trạng hôn nhân".',
  notConfident: (desk: DeskContact) =>
    [
      'Xin lỗi, tôi chưa chắc bạn hỏi về thủ tục nào nên không muốn trả lời sai.',
      'Bạn thử nói rõ việc cần làm, ví dụ: "đăng ký khai sinh", "chứng thực bản sao", "đăng ký thường trú", "cấp giấy phép xây dựng".',
      `Hoặc liên hệ trực tiếp: ${deskLine(desk)}.`,
    ].join('\n'),
  notConfidentWithSuggestions: (desk: DeskContact) =>
    [
      'Tôi chưa chắc bạn hỏi về thủ tục nào. Có phải một trong các thủ tục dưới đây không? Nếu không, bạn nói rõ hơn việc cần làm nhé.',
      `Cần gặp cán bộ: ${deskLine(desk)}.`,
    ].join('\n'),
  clarify: 'Bạn đang hỏi về thủ tục nào? Gõ số (hoặc bấm chọn) để xem chi tiết:',
  rejected:
    'Vậy có thể là một trong các thủ tục này không? Nếu không, bạn mô tả lại việc cần làm giúp tôi nhé.',
  rejectedNoOptions: (desk: DeskContact) =>
    `Xin lỗi vì chưa đúng ý bạn. Bạn mô tả lại việc cần làm giúp tôi (ví dụ "sửa sai ngày sinh trong giấy khai sinh"), hoặc hỏi trực tiếp ${deskLine(desk)}.`,
  noCurrentForMore:
    'Bạn muốn xem thêm về thủ tục nào? Hãy gõ tên thủ tục, ví dụ "đăng ký kết hôn".',
  unknownChoice: 'Lựa chọn này đã hết hạn. Bạn gõ lại câu hỏi giúp tôi nhé.',
  statusUnavailable: (desk: DeskContact) =>
    `Hiện chưa tra cứu được hồ sơ qua trợ lý. Bạn vui lòng liên hệ ${deskLine(desk)}.`,
  statusNotFound:
    'Không tìm thấy hồ sơ với mã và 4 số cuối điện thoại này. Bạn kiểm tra lại mã hồ sơ (8 ký tự trên giấy hẹn) và 4 số cuối số điện thoại đã dùng khi nộp nhé.',
  statusTooMany:
    'Bạn đã tra cứu nhiều lần. Để bảo vệ thông tin hồ sơ, bạn vui lòng thử lại sau hoặc hỏi trực tiếp Bộ phận Một cửa.',
  statusAskReference:
    'Để tra cứu hồ sơ, bạn gửi giúp tôi mã hồ sơ (8 ký tự trên giấy hẹn) và 4 số cuối số điện thoại đã dùng khi nộp, cách nhau bằng dấu cách. Ví dụ: KX7PM3TA 1234',
  statusAskPhone: (reference: string) =>
    `Bạn gửi thêm 4 số cuối số điện thoại đã dùng khi nộp hồ sơ ${reference} nhé (ví dụ: 1234).`,
  statusBusy: 'Hệ thống tra cứu hồ sơ đang bận. Bạn vui lòng thử lại sau ít phút nhé.',
  communeRemembered: (name: string) => `Tôi đã ghi nhớ bạn ở ${name}.`,
  communeAsk: 'Bạn cần làm thủ tục gì? Tôi sẽ chỉ nơi nộp ở xã/phường của bạn.',
  communeWhich: (options: string[]) =>
    `Có mấy xã/phường trùng tên: ${options.join('; ')}. Bạn gõ lại tên có dấu hoặc mã 5 số giúp tôi nhé.`,
  alternativesHint: 'Không đúng thủ tục bạn cần? Gõ "không phải" để xem thủ tục khác.',
} as const;
