using System.Globalization;
using BillCenter.Modules.Payments.Domain;
using BillCenter.SharedKernel.Money;
using FluentValidation;

namespace BillCenter.Modules.Payments.Features.PaymentForm;

/// <summary>
/// The amount and date fields as typed, and their rules, the same on the pay and change pages: an amount of at least
/// $1.00 with at most two decimals and never more than the current balance; a business day from the earliest date
/// the cut-off allows to 60 days ahead.
/// </summary>
internal static class PaymentInput
{
    public static readonly Money Least = Money.FromCents(100);

    public static bool TryParseDate(string? text, out DateOnly day) =>
        DateOnly.TryParseExact((text ?? string.Empty).Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    /// <summary>Rules for a typed amount: present, a number of dollars and cents, at least $1.00, at most <paramref name="most"/>.</summary>
    public static IRuleBuilderOptions<T, string?> MustBeAnAmount<T>(this IRuleBuilderInitial<T, string?> rule, Func<T, Money> most) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter an amount to pay")
            .Must(text => Money.TryParse(text, out _)).WithMessage("Amount must be a number of dollars and cents, like 125.50")
            .Must(text => Money.TryParse(text, out var amount) && amount >= Least).WithMessage($"Amount must be at least {Least}")
            .Must((command, text) => Money.TryParse(text, out var amount) && amount <= most(command))
            .WithMessage((command, _) => $"Amount must be {most(command)} or less: you cannot pay more than your current balance");

    /// <summary>Rules for a typed payment date (yyyy-mm-dd, as a date field posts it).</summary>
    public static IRuleBuilderOptions<T, string?> MustBeAPayDate<T>(this IRuleBuilderInitial<T, string?> rule, TimeProvider time) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter a payment date")
            .Must(text => TryParseDate(text, out _)).WithMessage("Payment date must be a real date, like 2026-12-15")
            .Must(text => TryParseDate(text, out var day) && PaymentCalendar.Refusal(day, time.GetUtcNow()) is null)
            .WithMessage((_, text) => TryParseDate(text, out var day) ? PaymentCalendar.Refusal(day, time.GetUtcNow())! : string.Empty);

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
