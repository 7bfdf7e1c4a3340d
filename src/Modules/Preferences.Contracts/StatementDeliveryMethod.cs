namespace BillCenter.Modules.Preferences.Contracts;

/// <summary>How a card account's statements reach the cardholder.</summary>
public enum StatementDeliveryMethod
{
    /// <summary>Online: an email notice when the statement is ready (with no amounts beyond the due amount and date).</summary>
    Paperless = 1,

    /// <summary>Paper by mail: the statement run writes a paper-mail record.</summary>
    Paper = 2,
}
