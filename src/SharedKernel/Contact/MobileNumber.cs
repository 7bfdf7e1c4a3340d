using PhoneNumbers;

namespace BillCenter.SharedKernel.Contact;

/// <summary>
/// A cardholder's mobile number, as typed ("(212) 555-0123", "212.555.0123", "+1 212 555 0123"): parsed with
/// libphonenumber (US unless the number says otherwise), kept in E.164 ("+12125550123"), shown in the national format.
/// Only numbers that can take text messages are accepted (a US number may be either, so it passes).
/// </summary>
public static class MobileNumber
{
    public const string DefaultRegion = "US";

    public const string EnterMessage = "Enter a mobile number";

    public const string FormatMessage = "Enter a mobile number like (212) 555-0123, or +44 7400 123456 for a number outside the US";

    public const string NotMobileMessage = "Enter a mobile number that can receive text messages: this number is not a mobile number";

    private const int MaxLength = 40;

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>The E.164 form of a valid mobile number; otherwise null and the message for the field.</summary>
    public static bool TryParse(string? input, out string e164, out string? problem)
    {
        e164 = string.Empty;
        if (string.IsNullOrWhiteSpace(input))
        {
            problem = EnterMessage;
            return false;
        }

        if (input.Length > MaxLength)
        {
            problem = FormatMessage;
            return false;
        }

        PhoneNumber number;
        try
        {
            number = Util.Parse(input.Trim(), DefaultRegion);
        }
        catch (NumberParseException)
        {
            problem = FormatMessage;
            return false;
        }

        if (!Util.IsValidNumber(number))
        {
            problem = FormatMessage;
            return false;
        }

        if (Util.GetNumberType(number) is not (PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE))
        {
            problem = NotMobileMessage;
            return false;
        }

        problem = null;
        e164 = Util.Format(number, PhoneNumberFormat.E164);
        return true;
    }

    /// <summary>"+12125550123" → "(212) 555-0123"; a number of another country in its international form.</summary>
    public static string Display(string? e164)
    {
        if (string.IsNullOrWhiteSpace(e164))
        {
            return string.Empty;
        }

        try
        {
            var number = Util.Parse(e164, DefaultRegion);
            return Util.GetRegionCodeForNumber(number) == DefaultRegion
                ? Util.Format(number, PhoneNumberFormat.NATIONAL)
                : Util.Format(number, PhoneNumberFormat.INTERNATIONAL);
        }
        catch (NumberParseException)
        {
            return e164;
        }
    }

    /// <summary>"+12125550123" → "phone ending 0123": enough to recognize, not enough to misuse.</summary>
    public static string Mask(string? e164)
    {
        var digits = new string((e164 ?? string.Empty).Where(char.IsAsciiDigit).ToArray());
        return digits.Length >= 4 ? $"phone ending {digits[^4..]}" : "your phone";
    }
}
