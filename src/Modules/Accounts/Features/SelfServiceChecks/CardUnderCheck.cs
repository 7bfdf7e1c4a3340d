using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Accounts.Domain;

namespace BillCenter.Modules.Accounts.Features.SelfServiceChecks;

/// <summary>The card and account a check looks at. Never leaves this module except as <see cref="VerifiedCard"/>.</summary>
internal sealed record CardUnderCheck(Card Card, CardAccount Account, bool Linked);
