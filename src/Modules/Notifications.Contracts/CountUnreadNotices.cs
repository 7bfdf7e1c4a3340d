using MediatR;

namespace BillCenter.Modules.Notifications.Contracts;

/// <summary>How many of an online user's notices (/notices) they have not seen yet: the count in the header.</summary>
public sealed record CountUnreadNotices(string UserId) : IRequest<int>;
