namespace BillCenter.Modules.Users.Domain;

/// <summary>Why a session was revoked; kept with the row for the cardholder's session list and for audit.</summary>
internal enum SessionEnd
{
    SignedOut = 1,
    PasswordChanged = 2,
    SignedOutElsewhere = 3,
    SignedInAsSomeoneElse = 4,
    LockedOut = 5,
}
