namespace BillCenter.Modules.Notifications.Domain;

internal enum OneTimeCodeLimitKind
{
    /// <summary>A code was sent or sent again.</summary>
    Issued = 1,

    /// <summary>A code was typed: kept only when it was wrong.</summary>
    WrongEntry = 2,
}
