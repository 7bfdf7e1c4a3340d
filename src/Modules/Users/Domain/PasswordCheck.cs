namespace BillCenter.Modules.Users.Domain;

/// <summary>What a password check found, for the sign-in page and its security events (the page shows one neutral message).</summary>
internal sealed record PasswordCheck(SignInCheck Outcome, BillCenterUser? User, bool LockedNow);
