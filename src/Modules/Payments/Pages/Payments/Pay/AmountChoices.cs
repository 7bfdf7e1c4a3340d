using BillCenter.Modules.Accounts.Contracts;
using BillCenter.SharedKernel.Money;

namespace BillCenter.Modules.Payments.Pages.Payments.Pay;

/// <summary>One way to choose the amount; <see cref="Amount"/> is null for "another amount", which is typed.</summary>
internal sealed record AmountChoice(string Value, string Label, Money? Amount);

/// <summary>
/// The amounts offered: what is left of the statement balance and of the minimum due (after payments posted since it
/// closed), the current balance, or another amount. A choice worth nothing is not offered.
/// </summary>
internal static class AmountChoices
{
    public const string Statement = "statement";
    public const string Minimum = "minimum";
    public const string Current = "current";
    public const string Other = "other";

    public static IReadOnlyList<AmountChoice> For(PaymentAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var choices = new List<AmountChoice>();
        if (account.LastStatement is { } statement)
        {
            if (statement.RemainingBalance > Money.Zero && statement.RemainingBalance <= account.CurrentBalance)
            {
                choices.Add(new(Statement, "Statement balance", statement.RemainingBalance));
            }

            if (statement.RemainingMinimum > Money.Zero && statement.RemainingMinimum <= account.CurrentBalance && statement.RemainingMinimum != statement.RemainingBalance)
            {
                choices.Add(new(Minimum, "Minimum payment due", statement.RemainingMinimum));
            }
        }

        if (account.CurrentBalance > Money.Zero)
        {
            choices.Add(new(Current, "Current balance", account.CurrentBalance));
            choices.Add(new(Other, "Another amount", null));
        }

        return choices;
    }

    /// <summary>The choice selected when the form first shows: the minimum when one is due, else the first on offer.</summary>
    public static string? Default(PaymentAccount account) =>
        For(account) is var choices && choices.Any(c => c.Value == Minimum) ? Minimum : choices.FirstOrDefault()?.Value;
}
