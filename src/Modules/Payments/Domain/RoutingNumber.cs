namespace BillCenter.Modules.Payments.Domain;

/// <summary>An ABA routing number: 9 digits whose weighted sum (3, 7, 1 repeating) is a multiple of 10.</summary>
internal static class RoutingNumber
{
    public const int Length = 9;

    public static bool HasValidChecksum(string? digits)
    {
        if (digits is null || digits.Length != Length || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        ReadOnlySpan<int> weights = [3, 7, 1];
        var sum = 0;
        for (var i = 0; i < Length; i++)
        {
            sum += (digits[i] - '0') * weights[i % 3];
        }

        return sum % 10 == 0;
    }
}
