namespace Tongban.Domain.Primitives;

/// <summary>综合窗口 take any item of the hall (无差别受理); 专窗 serve one department.</summary>
public enum WindowKind
{
    Comprehensive,
    Dedicated,
}
