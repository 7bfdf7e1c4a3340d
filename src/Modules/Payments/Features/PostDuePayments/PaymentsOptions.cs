namespace BillCenter.Modules.Payments.Features.PostDuePayments;

/// <summary>"Payments" settings.</summary>
internal sealed class PaymentsOptions
{
    public const string Section = "Payments";

    /// <summary>
    /// Demo and test only: payments from a bank account with this routing number are returned by "the bank" in the
    /// posting run that posts them (a valid ABA checksum, so such an account can be added like any other).
    /// </summary>
    public string ReturnRoutingNumber { get; set; } = "999999992";
}
