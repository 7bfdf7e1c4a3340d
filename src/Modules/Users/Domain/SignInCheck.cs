namespace BillCenter.Modules.Users.Domain;

/// <summary>The outcome of a password check; the page says the same for all but <see cref="Passed"/>.</summary>
internal enum SignInCheck
{
    Passed,
    Wrong,
    UnknownUser,
    Locked,
}
