namespace BillCenter.Modules.Notifications.Contracts;

public enum CodeCheck
{
    Valid = 1,
    Wrong = 2,
    Expired = 3,
    TooManyAttempts = 4,
    AlreadyUsed = 5,
    NotFound = 6,

    /// <summary>Too many codes or wrong entries for this card today: its self-service is locked.</summary>
    LimitReached = 7,
}
