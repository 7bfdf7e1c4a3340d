namespace BillCenter.SharedKernel.Cards;

public static class Luhn
{
    public static bool IsValid(ReadOnlySpan<char> digits) => digits.Length > 1 && Sum(digits, checkDigitIncluded: true) % 10 == 0;

    /// <summary>The digit that makes <paramref name="payload"/> + digit pass the Luhn check.</summary>
    public static char CheckDigit(ReadOnlySpan<char> payload) => (char)('0' + ((10 - (Sum(payload, checkDigitIncluded: false) % 10)) % 10));

    private static int Sum(ReadOnlySpan<char> digits, bool checkDigitIncluded)
    {
        var sum = 0;
        var doubleIt = !checkDigitIncluded;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (d is < 0 or > 9)
            {
                return -1;
            }

            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return sum;
    }
}
