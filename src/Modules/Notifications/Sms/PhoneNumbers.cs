using PhoneNumbers;

namespace BillCenter.Modules.Notifications.Sms;

/// <summary>Phone numbers as cardholders type them, turned into the E.164 form Twilio and our records use.</summary>
internal static class PhoneNumbers
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>"(212) 555-0148" → "+12125550148". False for anything that is not a valid number.</summary>
    public static bool TryNormalize(string? input, out string e164, string defaultRegion = "US")
    {
        e164 = string.Empty;
        if (string.IsNullOrWhiteSpace(input) || input.Length > 64)
        {
            return false;
        }

        try
        {
            var number = Util.Parse(input, defaultRegion);
            if (!Util.IsValidNumber(number))
            {
                return false;
            }

            e164 = Util.Format(number, PhoneNumberFormat.E164);
            return true;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    /// <summary>"+12125550148" → "phone ending 0148": enough for the cardholder to recognise, not enough to misuse.</summary>
    public static string Mask(string? e164)
    {
        var digits = new string((e164 ?? string.Empty).Where(char.IsAsciiDigit).ToArray());
        return digits.Length >= 4 ? $"phone ending {digits[^4..]}" : "phone number";
    }
}
