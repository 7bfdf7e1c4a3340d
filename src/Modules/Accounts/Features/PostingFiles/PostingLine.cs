using System.Globalization;
using BillCenter.Modules.Accounts.Contracts;
using BillCenter.SharedKernel.Cards;
using BillCenter.SharedKernel.Money;

namespace BillCenter.Modules.Accounts.Features.PostingFiles;

/// <summary>
/// One line of a posting file, checked: the six values of the columns <see cref="Columns"/>. A positive amount is a
/// purchase, a negative one a credit. <see cref="Read"/> says what is wrong in words an admin acts on, never echoing the
/// card number.
/// </summary>
internal sealed record PostingLine(CardNumber CardNumber, DateOnly PostedOn, string Description, string? MerchantCategory, Money Amount, string Reference)
{
    public const string CardNumberColumn = "card_number";
    public const string PostedDateColumn = "posted_date";
    public const string DescriptionColumn = "description";
    public const string MerchantCategoryColumn = "merchant_category";
    public const string AmountColumn = "amount";
    public const string ReferenceColumn = "reference";

    public const int MaxDescriptionLength = 120;

    public const int MaxReferenceLength = 40;

    /// <summary>The largest amount one line may post, either way.</summary>
    public static readonly Money MaxAmount = Money.FromDecimal(100_000m);

    /// <summary>The header every posting file starts with, in this order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        [CardNumberColumn, PostedDateColumn, DescriptionColumn, MerchantCategoryColumn, AmountColumn, ReferenceColumn];

    /// <summary>A positive amount is a purchase; a negative one a credit (a refund or adjustment).</summary>
    public static TransactionKind KindOf(Money amount) => amount.IsNegative ? TransactionKind.Credit : TransactionKind.Purchase;

    /// <summary>The ledger time of the entry: noon UTC of the posted date, so it shows as that date everywhere.</summary>
    public static DateTime PostedAtOf(DateOnly postedOn) => postedOn.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);

    /// <summary>Checks the values of one line (in <see cref="Columns"/> order); <paramref name="today"/> is the last date a posting may carry.</summary>
    public static PostingLineResult Read(IReadOnlyList<string?> values, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != Columns.Count)
        {
            return Problem(string.Create(CultureInfo.InvariantCulture, $"the line has {values.Count} values; the header has {Columns.Count}"));
        }

        var card = CardNumber.Parse(values[0]);
        if (!card.IsValid)
        {
            return Problem(card.Error == CardNumberError.Missing ? "the card number is missing" : "the card number is not a valid card number");
        }

        var date = values[1]?.Trim() ?? string.Empty;
        if (date.Length == 0)
        {
            return Problem("the posted date is missing");
        }

        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var postedOn))
        {
            return Problem("the posted date must be a date written as year-month-day, like 2026-11-30");
        }

        if (postedOn > today)
        {
            return Problem("the posted date is in the future");
        }

        var description = values[2]?.Trim() ?? string.Empty;
        if (TextProblem(description, "description", MaxDescriptionLength) is { } descriptionProblem)
        {
            return Problem(descriptionProblem);
        }

        var category = values[3]?.Trim() ?? string.Empty;
        if (category.Length > 0 && (category.Length != 4 || !category.All(char.IsAsciiDigit)))
        {
            return Problem("the merchant category must be 4 digits, or left empty");
        }

        if (ReadAmount(values[4]) is not { } amount)
        {
            return Problem("the amount must be dollars and cents like 12.34, or -12.34 for a credit");
        }

        if (amount == Money.Zero)
        {
            return Problem("the amount must not be zero");
        }

        if (amount > MaxAmount || amount < -MaxAmount)
        {
            return Problem($"the amount must be between -{MaxAmount} and {MaxAmount}");
        }

        var reference = values[5]?.Trim() ?? string.Empty;
        if (TextProblem(reference, "reference", MaxReferenceLength) is { } referenceProblem)
        {
            return Problem(referenceProblem);
        }

        return new PostingLineResult(new PostingLine(card.Value!, postedOn, description, category.Length == 0 ? null : category, amount, reference), null);
    }

    /// <summary>Digits with an optional minus sign and at most two decimals: no currency sign, no thousands separator.</summary>
    private static Money? ReadAmount(string? value)
    {
        var text = value?.Trim() ?? string.Empty;
        var digits = text.StartsWith('-') ? text[1..] : text;
        if (digits.Length is 0 or > 15 || digits.AsSpan().ContainsAnyExcept("0123456789.") || digits.Count(c => c == '.') > 1
            || digits.StartsWith('.') || digits.EndsWith('.')
            || !decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            || decimal.Round(amount, 2) != amount)
        {
            return null;
        }

        return Money.FromDecimal(amount);
    }

    private static string? TextProblem(string value, string name, int maxLength) =>
        value.Length == 0 ? $"the {name} is missing"
        : value.Length > maxLength ? string.Create(CultureInfo.InvariantCulture, $"the {name} must be {maxLength} characters or fewer")
        : value.Any(char.IsControl) ? $"the {name} must not contain control characters"
        : null;

    private static PostingLineResult Problem(string problem) => new(null, problem);
}

/// <summary>A checked line, or what is wrong with it (a sentence to follow "Line 7: ").</summary>
internal readonly record struct PostingLineResult(PostingLine? Line, string? Problem);
