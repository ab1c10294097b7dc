package io.careledger.service.config;

import io.careledger.api.common.EventName;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * The two-way map between stored event names ({@link EventName}) and the classes that carry them, found by
 * scanning the contracts once at start-up. A name used twice is a start-up failure, not a silent overwrite.
 */
public final class EventNames {
    private final Map<String, Class<?>> classesByName = new HashMap<>();
    private final Map<Class<?>, String> namesByClass = new HashMap<>();

    public static EventNames scan(String basePackage) {
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(
                    org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isIndependent();
            }
        };
        scanner.addIncludeFilter(new AnnotationTypeFilter(EventName.class));
        EventNames names = new EventNames();
        for (var definition : scanner.findCandidateComponents(basePackage)) {
            Class<?> type = ClassUtils.resolveClassName(definition.getBeanClassName(), EventNames.class.getClassLoader());
            names.register(type);
        }
        return names;
    }

    void register(Class<?> type) {
        String name = type.getAnnotation(EventName.class).value();
        Class<?> previous = classesByName.putIfAbsent(name, type);
        if (previous != null && previous != type) {
            throw new IllegalStateException("Event name '" + name + "' is used by both " + previous.getName()
                    + " and " + type.getName());
        }
        namesByClass.put(type, name);
    }

    public Optional<String> nameOf(Class<?> type) {
        return Optional.ofNullable(namesByClass.get(type));
    }

    public Optional<Class<?>> classOf(String name) {
        return Optional.ofNullable(classesByName.get(name));
    }

    /** Every class with a stored name. */
    public Set<Class<?>> classes() {
        return Set.copyOf(namesByClass.keySet());
    }

    public int size() {
        return namesByClass.size();
    }
}
