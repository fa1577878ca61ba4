using System.Text;
using Superapps.SharedKernel;

namespace Superapps.Notifications.Domain;

/// <summary>Indonesian mobile numbers as WhatsApp gateways want them: 628 followed by 8 to 11 digits.</summary>
public static class WhatsAppNumber
{
    /// <summary>Accepts 08…, +628…, 628… or 8…, with spaces, dots and dashes; returns 628…. Throws a bilingual error otherwise.</summary>
    public static string Normalize(string input)
    {
        var digits = new StringBuilder();
        var text = input.Trim();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (!(c is ' ' or '-' or '.' or '(' or ')' || (c == '+' && i == 0)))
            {
                throw new DomainRuleException(NotificationErrors.WhatsAppNumber);
            }
        }

        var number = digits.ToString();
        if (number.StartsWith("08", StringComparison.Ordinal))
        {
            number = "62" + number[1..];
        }
        else if (number.StartsWith('8'))
        {
            number = "62" + number;
        }

        // 628 + 8..11 digits: Telkomsel, Indosat, XL, Tri, Smartfren mobile numbers are 10 to 13 digits with the leading 0.
        return number.StartsWith("628", StringComparison.Ordinal) && number.Length is >= 11 and <= 14
            ? number
            : throw new DomainRuleException(NotificationErrors.WhatsAppNumber);
    }
}

public static class NotificationErrors
{
    public static readonly UserError WhatsAppNumber = new("notifications.whatsapp.number",
        "Nomor WhatsApp tidak valid. Tulis nomor ponsel Indonesia, misalnya 0812 3456 7890 atau +62 812 3456 7890.",
        "The WhatsApp number is not valid. Enter an Indonesian mobile number, e.g. 0812 3456 7890 or +62 812 3456 7890.", "whatsAppNumber");

    public static readonly UserError WhatsAppNumberRequired = new("notifications.whatsapp.required",
        "Isi nomor WhatsApp untuk menerima pemberitahuan lewat WhatsApp.",
        "Enter a WhatsApp number to receive notices by WhatsApp.", "whatsAppNumber");

    public static readonly UserError NoEmployee = new("notifications.employee.none",
        "Akun Anda tidak terhubung dengan data pegawai, sehingga tidak menerima pemberitahuan.",
        "Your account is not linked to an employee record, so it receives no notices.");
}
