package org.newsarchive.request;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a parameter that an API endpoint does not take, with a 400 that names it and lists the ones it takes: a
 * script that writes {@code formt=csv} or {@code sizee=3} must learn of it, not get the default silently, as
 * Elasticsearch and GitHub's API answer. The names an endpoint takes are read from its handler method: its
 * {@link RequestParam}s and the components of its {@link ParameterObject} records (by their {@link BindParam} name
 * when they have one), so they cannot drift from what the endpoint reads. Pages are not checked: links from other
 * sites add tracking parameters to them, and a reader never sees an error for those. Thread-safe; the names of each
 * handler are worked out once.
 */
public final class KnownParameters implements HandlerInterceptor {

    private final Predicate<HandlerMethod> checked;
    private final Map<HandlerMethod, Set<String>> accepted = new ConcurrentHashMap<>();

    /** Checks the handlers that {@code checked} accepts. */
    public KnownParameters(Predicate<HandlerMethod> checked) {
        this.checked = checked;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !checked.test(method)) {
            return true;
        }
        Set<String> names = accepted.computeIfAbsent(method, KnownParameters::namesOf);
        for (String name : request.getParameterMap().keySet()) {
            if (!names.contains(name)) {
                throw new InvalidParameterException(
                        name,
                        "is not a parameter of " + request.getRequestURI() + "; "
                                + (names.isEmpty() ? "it takes none" : "it takes " + String.join(", ", names)));
            }
        }
        return true;
    }

    /**
     * The parameter names a record binds: each component's name, or its {@link BindParam} name, which Java leaves
     * on the canonical constructor's parameter rather than on the component.
     */
    private static List<String> boundNames(Class<?> record) {
        RecordComponent[] components = record.getRecordComponents();
        Class<?>[] types =
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        java.lang.reflect.Parameter[] parameters;
        try {
            parameters = record.getDeclaredConstructor(types).getParameters();
        } catch (NoSuchMethodException impossible) {
            throw new IllegalStateException("a record always has its canonical constructor: " + record, impossible);
        }
        List<String> names = new ArrayList<>(components.length);
        for (int i = 0; i < components.length; i++) {
            BindParam bound = parameters[i].getAnnotation(BindParam.class);
            names.add(bound == null ? components[i].getName() : bound.value());
        }
        return names;
    }

    /** The query parameter names a handler reads, in alphabetical order. */
    static Set<String> namesOf(HandlerMethod method) {
        Set<String> names = new TreeSet<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
            if (requestParam != null) {
                String name = requestParam.name().isEmpty() ? parameter.getParameterName() : requestParam.name();
                names.add(name);
            } else if (parameter.hasParameterAnnotation(ParameterObject.class)
                    && parameter.getParameterType().isRecord()) {
                names.addAll(boundNames(parameter.getParameterType()));
            }
        }
        return names;
    }
}
