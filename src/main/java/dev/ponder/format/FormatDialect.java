package dev.ponder.format;

import java.math.BigDecimal;
import java.util.Set;

import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

import org.springframework.stereotype.Component;

/**
 * Gives every template {@code #money} and {@code #sizes}, so that pages word dollars and
 * file sizes as the rest of Ponder does: {@code ${#money.dollars(key.usage)}},
 * {@code ${#money.cost(row.cost)}}, {@code ${#sizes.inWords(file.size)}}.
 */
@Component
public class FormatDialect extends AbstractDialect implements IExpressionObjectDialect {

	private static final TemplateMoney MONEY = new TemplateMoney();

	private static final TemplateSizes SIZES = new TemplateSizes();

	public FormatDialect() {
		super("ponder-format");
	}

	@Override
	public IExpressionObjectFactory getExpressionObjectFactory() {
		return new IExpressionObjectFactory() {

			@Override
			public Set<String> getAllExpressionObjectNames() {
				return Set.of("money", "sizes");
			}

			@Override
			public Object buildObject(IExpressionContext context, String expressionObjectName) {
				return "sizes".equals(expressionObjectName) ? SIZES : MONEY;
			}

			@Override
			public boolean isCacheable(String expressionObjectName) {
				return true;
			}

		};
	}

	/** {@link Money} for templates, which call methods on objects, not on classes. */
	public static final class TemplateMoney {

		public String dollars(BigDecimal amount) {
			return Money.dollars(amount);
		}

		public String cost(BigDecimal amount) {
			return Money.cost(amount);
		}

	}

	/** {@link Sizes} for templates. */
	public static final class TemplateSizes {

		public String inWords(long bytes) {
			return Sizes.inWords(bytes);
		}

	}

}
